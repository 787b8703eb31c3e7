import { Envelope } from './envelope';
import { DossierReceived, DossierWithdrawn } from './events/intake.events';
import { integrationEvents } from './integration-events';
import { dossierId, samples } from './integration-events.samples';
import { InvalidMessageError } from './invalid-message.error';

const time = '2026-11-22T03:00:00.000Z';
const received = () => integrationEvents.createEnvelope(DossierReceived, { source: 'motcua/intake', subject: dossierId, time, data: samples.DossierReceived });
/** A raw message as a foreign or broken producer might send it, bypassing createEnvelope's checks. */
const raw = (change: (message: Record<string, unknown>) => void): string => {
  const message = JSON.parse(JSON.stringify(received())) as Record<string, unknown>;
  change(message);
  return JSON.stringify(message);
};
const dataOf = (message: Record<string, unknown>) => message['data'] as Record<string, unknown>;

function reasonOf(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    if (error instanceof InvalidMessageError) return error.reason;
    throw error;
  }
  throw new Error('expected an InvalidMessageError');
}

describe('EventRegistry: decode', () => {
  it('decodes a valid message from a Buffer or a string', () => {
    const envelope = received();
    const value = integrationEvents.encode(envelope);
    expect(integrationEvents.decode(Buffer.from(value, 'utf8'))).toEqual(envelope);
    expect(integrationEvents.decode(value)).toEqual(envelope);
  });

  it('refuses a value that is not JSON, or no value at all', () => {
    expect(reasonOf(() => integrationEvents.decode('{"id":'))).toBe('value is not JSON');
    expect(reasonOf(() => integrationEvents.decode(null))).toMatch(/empty/);
    expect(reasonOf(() => integrationEvents.decode('42'))).toBe('envelope: must be object');
  });

  it('names a missing envelope attribute', () => {
    expect(reasonOf(() => integrationEvents.decode(raw((m) => delete m['subject'])))).toBe("envelope: must have required property 'subject'");
    expect(reasonOf(() => integrationEvents.decode(raw((m) => delete m['schemaversion'])))).toMatch(/'schemaversion'/);
  });

  it('refuses an unknown type and an unknown version of a known type', () => {
    expect(reasonOf(() => integrationEvents.decode(raw((m) => (m['type'] = 'DossierTeleported'))))).toBe("unknown event type 'DossierTeleported'");
    const v9 = raw((m) => Object.assign(m, { schemaversion: 9, dataschema: 'urn:motcua:DossierReceived:9' }));
    expect(reasonOf(() => integrationEvents.decode(v9))).toBe("unknown version 9 of 'DossierReceived'");
  });

  it('refuses a dataschema that disagrees with type and version', () => {
    expect(reasonOf(() => integrationEvents.decode(raw((m) => (m['dataschema'] = 'urn:motcua:DossierReceived:2'))))).toBe(
      'envelope.dataschema: must be urn:motcua:DossierReceived:1',
    );
  });

  it('names the field whose data breaks the schema, without echoing the value', () => {
    const reason = reasonOf(() => integrationEvents.decode(raw((m) => (dataOf(m)['dueAt'] = '038090001234'))));
    expect(reason).toBe('data.dueAt: must match format "date-time"');
    expect(reason).not.toContain('038090001234');
  });

  it('names the field missing from the union branch the tag selects', () => {
    const reason = reasonOf(() => integrationEvents.decode(raw((m) => (dataOf(m)['components'] = [{ componentId: 'c1', name: 'Tờ khai', provenance: 'ELECTRONIC' }]))));
    expect(reason).toBe("data.components.0: must have required property 'documentId'");
  });

  it('refuses money that is not an integer number of VND', () => {
    const reason = reasonOf(() =>
      integrationEvents.decode(raw((m) => ((dataOf(m)['procedure'] as { fees: { amount: number }[] }).fees[0].amount = 200_000.5))),
    );
    expect(reason).toBe('data.procedure.fees.0.amount: must be integer');
  });

  it('refuses a property the schema does not know, naming it only when it is an identifier', () => {
    expect(reasonOf(() => integrationEvents.decode(raw((m) => (dataOf(m)['citizenName'] = 'Nguyễn Văn A'))))).toBe(
      "data: must NOT have additional properties 'citizenName'",
    );
    const keyedById = reasonOf(() => integrationEvents.decode(raw((m) => (dataOf(m)['038090001234'] = true))));
    expect(keyedById).toBe('data: must NOT have additional properties');
    expect(reasonOf(() => integrationEvents.decode(raw((m) => (m['partition'] = 3))))).toBe("envelope: must NOT have additional properties 'partition'");
  });
});

describe('EventRegistry: createEnvelope and encode', () => {
  it('fills the CloudEvents attributes from the registry', () => {
    const envelope = received();
    expect(envelope).toMatchObject({
      specversion: '1.0',
      type: 'DossierReceived',
      source: 'motcua/intake',
      subject: dossierId,
      time,
      schemaversion: 1,
      dataschema: 'urn:motcua:DossierReceived:1',
      datacontenttype: 'application/json',
    });
    expect(envelope.id).toMatch(/^[0-9a-f-]{36}$/);
    expect([envelope.correlationid, envelope.causationid]).toEqual([envelope.id, envelope.id]);
  });

  it('keeps given ids and turns a Date into ISO-8601', () => {
    const envelope = integrationEvents.createEnvelope(DossierWithdrawn, {
      id: '5f0e1c2d-3b4a-4c5d-8e6f-7a8b9c0d1e2f',
      source: 'motcua/intake',
      subject: dossierId,
      time: new Date(time),
      correlationId: 'req-1',
      causationId: '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a',
      data: samples.DossierWithdrawn,
    });
    expect(envelope).toMatchObject({ id: '5f0e1c2d-3b4a-4c5d-8e6f-7a8b9c0d1e2f', time, correlationid: 'req-1', causationid: '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a' });
  });

  it('refuses to encode invalid data', () => {
    const envelope: Envelope = { ...received(), data: { dossierId } };
    expect(reasonOf(() => integrationEvents.encode(envelope))).toBe("data: must have required property 'code'");
  });

  it('refuses a subject other than the dossier id, which is the Kafka key', () => {
    const input = { source: 'motcua/intake', subject: 'H56.22-261122-0042', time, data: samples.DossierWithdrawn };
    expect(reasonOf(() => integrationEvents.createEnvelope(DossierWithdrawn, input))).toBe('subject: must equal data.dossierId');
  });

  it('refuses a definition the registry does not hold', () => {
    const impostor = { ...DossierWithdrawn };
    expect(() => integrationEvents.createEnvelope(impostor, { source: 'motcua/intake', subject: dossierId, time, data: samples.DossierWithdrawn })).toThrow(
      /not registered/,
    );
  });
});
