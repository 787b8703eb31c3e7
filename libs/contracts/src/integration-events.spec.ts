import { TSchema } from '@sinclair/typebox';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { DossierReceived } from './events/intake.events';
import { DossierResolved } from './events/processing.events';
import { asIntegrationEvent, currentIntegrationEvents, decodeIntegrationEvent, IntegrationEventType, integrationEvents } from './integration-events';
import { samples, sampleSubject } from './integration-events.samples';
import { InvalidMessageError } from './invalid-message.error';
import { topicOwner } from './topics';

const design = [
  ...['DossierSubmitted', 'DossierReturnedForSupplement', 'DossierReceived', 'DossierRejected', 'SupplementProvided', 'DossierWithdrawn', 'DossierTransferred'],
  ...['CaseAssigned', 'CaseHandedOff', 'SupplementRequested', 'ProcessingPaused', 'ProcessingResumed', 'DeadlineExtended'],
  ...['DossierDueSoon', 'DossierOverdue', 'ApologyIssued', 'PaymentOverdue', 'DossierResolved', 'ProcessingStopped'],
  ...['FeeAssessed', 'PaymentRequested', 'PaymentSucceeded', 'PaymentFailed', 'PaymentExpired', 'PaymentRefunded'],
  ...['DocumentStored', 'ComponentDigitised', 'DossierDigitised', 'DocumentReused', 'ReuseRefused', 'ResultDigitised'],
  ...['ResultIssued', 'ResultDelivered', 'DossierCompleted', 'ProcedurePublished', 'ProcedureRetired', 'UnitRegistered'],
].sort();

const sourceOf = (topic: string) => `motcua/${topicOwner(topic) ?? 'unknown'}`;
const received = () =>
  integrationEvents.createEnvelope(DossierReceived, { source: 'motcua/intake', subject: samples.DossierReceived.dossierId, time: new Date(0), data: samples.DossierReceived });

/** Every property name in a schema, however deeply nested (objects, arrays, unions). */
function propertyNames(schema: unknown): string[] {
  if (Array.isArray(schema)) return schema.flatMap(propertyNames);
  if (typeof schema !== 'object' || schema === null) return [];
  const { properties, ...rest } = schema as { properties?: Record<string, unknown> };
  const own = properties ? Object.entries(properties).flatMap(([name, child]) => [name, ...propertyNames(child)]) : [];
  return [...own, ...Object.values(rest).flatMap(propertyNames)];
}

/** Every `properties` entry of a schema with the property's name, however deeply nested. */
function properties(schema: unknown): [string, { type?: unknown }][] {
  if (typeof schema !== 'object' || schema === null) return [];
  const own = Object.entries((schema as { properties?: Record<string, { type?: unknown }> }).properties ?? {});
  return [...own, ...Object.values(schema).flatMap(properties)];
}

describe('integration events', () => {
  const definitions = integrationEvents.definitions();

  it('registers every event of the design, each once, at version 1, with a sample', () => {
    expect(definitions.map((d) => d.type).sort()).toEqual(design);
    expect(Object.keys(samples).sort()).toEqual(design);
    expect(definitions.filter((d) => d.version !== 1).map((d) => d.type)).toEqual([]);
  });

  it.each(currentIntegrationEvents.map((d) => [d.type, d] as const))('%s: its schema compiles on its own, in strict mode', (_type, definition) => {
    const ajv = addFormats(new Ajv({ strict: true, discriminator: true }));
    expect(() => ajv.compile(definition.schema as TSchema)).not.toThrow();
  });

  it.each(currentIntegrationEvents.map((d) => [d.type, d] as const))('%s: its sample round-trips, and an unknown property is refused', (type, definition) => {
    const data = samples[type as IntegrationEventType] as never;
    const envelope = integrationEvents.createEnvelope(definition, { source: sourceOf(definition.topic), subject: sampleSubject(type), time: new Date(0), data });
    expect(integrationEvents.decode(integrationEvents.encode(envelope))).toEqual(envelope);
    expect(() => integrationEvents.encode({ ...envelope, data: { ...envelope.data, note: 'x' } })).toThrow("data: must NOT have additional properties 'note'");
  });

  it('keys dossier events by dossier id; only catalogue and file events have their own aggregate', () => {
    const withoutDossier = definitions.filter((d) => !propertyNames(d.schema).includes('dossierId')).map((d) => d.type);
    expect(withoutDossier.sort()).toEqual(['DocumentStored', 'ProcedurePublished', 'ProcedureRetired', 'UnitRegistered']);
  });

  it('has no field for personal data, because topics keep everything forever', () => {
    const forbidden = /citizen|identity|idNumber|passport|fullName|applicantName|birth|address|phone|email/i;
    const found = definitions.flatMap((d) => propertyNames(d.schema).filter((name) => forbidden.test(name)).map((name) => `${d.type}.${name}`));
    expect(found).toEqual([]);
    expect(integrationEvents.encode(received())).toMatch(/"applicantRef":"[0-9a-f]{64}"/);
  });

  it('keeps money in integer VND everywhere', () => {
    const money = /^(amount|total|listed|due)$/;
    const found = definitions.flatMap((d) => properties(d.schema).filter(([name]) => money.test(name)).map(([name, schema]) => `${d.type}.${name}: ${String(schema.type)}`));
    expect(found.length).toBeGreaterThanOrEqual(8);
    expect(found.filter((entry) => !entry.endsWith(': integer'))).toEqual([]);
  });

  it('types a decoded message as the union of current events', () => {
    const event = decodeIntegrationEvent(integrationEvents.encode(received()));
    if (event.type !== 'DossierReceived') throw new Error(`expected DossierReceived, got ${event.type}`);
    expect(event.data.procedure.fees[0].amount).toBe(200_000);
    expect(() => asIntegrationEvent({ ...event, schemaversion: 2 })).toThrow(InvalidMessageError);
  });

  it('reads a decision recorded before its deciding step was kept, and refuses a malformed one', () => {
    const { decidingStep: _kept, ...before } = samples.DossierResolved;
    const envelope = (data: unknown) =>
      JSON.stringify({ ...integrationEvents.createEnvelope(DossierResolved, { source: 'motcua/processing', subject: before.dossierId, time: new Date(0), data: before }), data });
    const old = decodeIntegrationEvent(envelope(before));
    expect(old.type === 'DossierResolved' && old.data.decidingStep).toBeUndefined();
    const now = decodeIntegrationEvent(envelope(samples.DossierResolved));
    expect(now.type === 'DossierResolved' && now.data.decidingStep).toEqual({ agency: 'H56.10', step: 2, workingMinutesSpent: 450 });
    expect(() => decodeIntegrationEvent(envelope({ ...before, decidingStep: { agency: 'H56.10', step: 0, workingMinutesSpent: 450 } }))).toThrow(InvalidMessageError);
  });
});
