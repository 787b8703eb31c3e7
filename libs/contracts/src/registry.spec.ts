import { Type } from '@sinclair/typebox';
import { Envelope, headersOf } from './envelope';
import { DossierWithdrawn } from './events/intake.events';
import { integrationEvents } from './integration-events';
import { InvalidMessageError } from './invalid-message.error';
import { defineEvent, EventRegistry } from './registry';
import { dlqTopic, Topics } from './topics';

const dossierId = '0b5c2a57-6a3e-4b5b-9a3e-3c1f2d4e5f60';
const withdrawn = () =>
  integrationEvents.createEnvelope(DossierWithdrawn, {
    source: 'motcua/intake',
    subject: dossierId,
    time: new Date('2026-11-22T03:00:00Z'),
    data: { dossierId, code: 'H56.22-261122-0042', withdrawnAt: '2026-11-22T03:00:00.000Z' },
  });

const reasonOf = (action: () => unknown): string => {
  try {
    action();
  } catch (error) {
    if (error instanceof InvalidMessageError) return error.reason;
    throw error;
  }
  throw new Error('expected an InvalidMessageError');
};

describe('EventRegistry', () => {
  it('round-trips an envelope through encode and decode', () => {
    const envelope = withdrawn();
    expect(envelope).toMatchObject({ specversion: '1.0', type: 'DossierWithdrawn', schemaversion: 1, dataschema: 'urn:motcua:DossierWithdrawn:1' });
    expect(integrationEvents.decode(Buffer.from(integrationEvents.encode(envelope)))).toEqual(envelope);
  });

  it('refuses what is not JSON', () => {
    expect(reasonOf(() => integrationEvents.decode('{"id":'))).toBe('value is not JSON');
  });

  it('refuses an envelope without a required attribute, naming it', () => {
    const { subject: _subject, ...rest } = withdrawn();
    expect(reasonOf(() => integrationEvents.decode(JSON.stringify(rest)))).toMatch(/subject/);
  });

  it('refuses an unknown type and an unknown version', () => {
    expect(reasonOf(() => integrationEvents.decode(JSON.stringify({ ...withdrawn(), type: 'DossierTeleported' })))).toMatch(/unknown event type 'DossierTeleported'/);
    expect(reasonOf(() => integrationEvents.decode(JSON.stringify({ ...withdrawn(), schemaversion: 9 })))).toMatch(/version 9/);
  });

  it('names the field whose data breaks the schema, without echoing the value', () => {
    const envelope = withdrawn();
    const bad = { ...envelope, data: { ...envelope.data, withdrawnAt: '079123456789' } };
    const reason = reasonOf(() => integrationEvents.decode(JSON.stringify(bad)));
    expect(reason).toMatch(/\.withdrawnAt: must match format "date-time"/);
    expect(reason).not.toContain('079123456789');
  });

  it('refuses a property the schema does not know', () => {
    const envelope = withdrawn();
    const extra = { ...envelope, data: { ...envelope.data, citizenId: '038090001234' } };
    const reason = reasonOf(() => integrationEvents.decode(JSON.stringify(extra)));
    expect(reason).toMatch(/must NOT have additional properties 'citizenId'/);
    expect(reason).not.toContain('038090001234');
  });

  it('refuses to encode invalid data', () => {
    const envelope = withdrawn() as Envelope;
    expect(() => integrationEvents.encode({ ...envelope, data: { dossierId } })).toThrow(InvalidMessageError);
  });

  it('upcasts old versions step by step on read', () => {
    const v1 = defineEvent({ type: 'FeeNoted', version: 1, topic: Topics.payment, schema: Type.Object({ fee: Type.Number() }) });
    const v2 = defineEvent({
      type: 'FeeNoted',
      version: 2,
      topic: Topics.payment,
      schema: Type.Object({ amount: Type.Integer() }),
      upcast: (old) => ({ amount: Math.round((old as { fee: number }).fee) }),
    });
    const v3 = defineEvent({
      type: 'FeeNoted',
      version: 3,
      topic: Topics.payment,
      schema: Type.Object({ amount: Type.Integer(), currency: Type.Literal('VND') }),
      upcast: (old) => ({ ...(old as { amount: number }), currency: 'VND' as const }),
    });
    const registry = new EventRegistry().register(v1, v2, v3);
    const old = registry.createEnvelope(v1, { source: 'motcua/payment', subject: 'd', time: '2024-01-01T00:00:00Z', data: { fee: 15000.4 } });
    const decoded = registry.decode(JSON.stringify(old));
    expect(decoded.schemaversion).toBe(3);
    expect(decoded.dataschema).toBe('urn:motcua:FeeNoted:3');
    expect(decoded.data).toEqual({ amount: 15000, currency: 'VND' });
  });

  it('refuses a later version registered without an upcast', () => {
    const v2 = defineEvent({ type: 'X', version: 2, topic: Topics.intake, schema: Type.Object({}) });
    expect(() => new EventRegistry().register(v2)).toThrow(/needs an upcast/);
  });

  it('gives every integration event an explicit type, a version and a topic of the system', () => {
    const topics = new Set<string>(Object.values(Topics));
    for (const definition of integrationEvents.definitions()) {
      expect(definition.type).toMatch(/^[A-Z][A-Za-z]+$/);
      expect(topics.has(definition.topic)).toBe(true);
      expect(integrationEvents.latestVersion(definition.type)).toBeGreaterThanOrEqual(1);
    }
    expect(integrationEvents.definitions().map((d) => d.type)).toEqual(
      expect.arrayContaining(['DossierReceived', 'DossierResolved', 'FeeAssessed', 'DossierDigitised', 'ResultIssued', 'ProcedurePublished']),
    );
  });

  it('copies the ids into ce_ headers and names dead-letter topics by consumer group', () => {
    const envelope = withdrawn();
    expect(headersOf(envelope)).toMatchObject({ ce_id: envelope.id, ce_type: 'DossierWithdrawn', ce_subject: dossierId, ce_schemaversion: '1' });
    expect(dlqTopic(Topics.intake, 'processing.intake')).toBe('motcua.intake.events.v1.dlq.processing.intake');
  });
});
