import { Static, Type } from '@sinclair/typebox';
import { dataSchemaUri, Envelope } from './envelope';
import { defineEvent } from './event-definition';
import { InvalidMessageError } from './invalid-message.error';
import { EventRegistry } from './registry';
import { Topics } from './topics';

// A spec-local history of one event: v1 had a floating fee, v2 made it integer VND, v3 added items.
const topic = Topics.payment;
const V1 = defineEvent({ type: 'FeeNoted', version: 1, topic, schema: Type.Object({ fee: Type.Number() }, { additionalProperties: false }) });
const V2 = defineEvent({
  type: 'FeeNoted',
  version: 2,
  topic,
  schema: Type.Object({ amount: Type.Integer({ minimum: 0 }) }, { additionalProperties: false }),
  upcast: (old: Static<typeof V1.schema>) => ({ amount: Math.round(old.fee) }),
});
const V3 = defineEvent({
  type: 'FeeNoted',
  version: 3,
  topic,
  schema: Type.Object({ amount: Type.Integer({ minimum: 0 }), items: Type.Array(Type.Integer()) }, { additionalProperties: false }),
  upcast: (old: Static<typeof V2.schema>) => ({ ...old, items: [old.amount] }),
});

/** As a v1 producer wrote it years ago: the registry no longer lets anyone write v1. */
function storedAt(version: number, data: unknown): string {
  const envelope: Envelope = {
    specversion: '1.0',
    id: '1d2c3b4a-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
    source: 'motcua/payment',
    type: 'FeeNoted',
    subject: 'dossier-1',
    time: '2024-01-01T00:00:00.000Z',
    datacontenttype: 'application/json',
    dataschema: dataSchemaUri('FeeNoted', version),
    schemaversion: version,
    correlationid: 'c',
    causationid: 'c',
    data,
  };
  return JSON.stringify(envelope);
}

describe('upcasting', () => {
  const registry = new EventRegistry().register(V3, V1, V2);

  it('reads v1 as v3, one step at a time, keeping the id and time', () => {
    const decoded = registry.decode(storedAt(1, { fee: 15000.4 }));
    expect(decoded).toMatchObject({ id: '1d2c3b4a-5e6f-4a7b-8c9d-0e1f2a3b4c5d', time: '2024-01-01T00:00:00.000Z', schemaversion: 3, dataschema: 'urn:motcua:FeeNoted:3' });
    expect(decoded.data).toEqual({ amount: 15000, items: [15000] });
    expect(registry.decode(storedAt(2, { amount: 7 })).data).toEqual({ amount: 7, items: [7] });
    expect(registry.latestVersion('FeeNoted')).toBe(3);
  });

  it('validates the old version before upcasting it', () => {
    expect(() => registry.decode(storedAt(1, { amount: 1 }))).toThrow("data: must have required property 'fee'");
  });

  it('catches an upcaster whose output breaks the next schema', () => {
    const broken = new EventRegistry().register(V1, { ...V2, upcast: () => ({ amount: -1 }) });
    expect(() => broken.decode(storedAt(1, { fee: 1 }))).toThrow(new InvalidMessageError('upcast to v2 data.amount: must be >= 0'));
  });

  it('upcasts a stored event the same way, and leaves a type it does not know as it is', () => {
    expect(registry.upcastData('FeeNoted', 1, { fee: 15000.4 })).toEqual({ version: 3, data: { amount: 15000, items: [15000] } });
    expect(registry.upcastData('FeeNoted', 3, { amount: 1, items: [1] })).toEqual({ version: 3, data: { amount: 1, items: [1] } });
    expect(registry.upcastData('BillOpened', 1, { any: true })).toEqual({ version: 1, data: { any: true } });
    expect(() => registry.upcastData('FeeNoted', 1, { fee: 1, manifest: {} })).toThrow(/FeeNoted v1 data/);
    expect(() => registry.upcastData('FeeNoted', 7, {})).toThrow("unknown version 7 of 'FeeNoted'");
  });

  it('writes only the latest version', () => {
    expect(() => registry.createEnvelope(V1, { source: 'motcua/payment', subject: 'd', time: new Date(0), data: { fee: 1 } })).toThrow(/superseded by v3/);
    expect(registry.createEnvelope(V3, { source: 'motcua/payment', subject: 'd', time: new Date(0), data: { amount: 1, items: [1] } }).schemaversion).toBe(3);
  });

  it('refuses a history with a gap, a version twice, a missing upcast or a moved topic', () => {
    expect(() => new EventRegistry().register(V1, V3)).toThrow('FeeNoted v3 needs v2: upcasting goes one version at a time');
    expect(() => new EventRegistry().register(V1, V1)).toThrow('FeeNoted v1 is registered twice');
    expect(() => new EventRegistry().register(V1, { ...V2, upcast: undefined })).toThrow('FeeNoted v2 needs an upcast from v1');
    expect(() => new EventRegistry().register(V1, { ...V2, topic: Topics.intake })).toThrow(/cannot move/);
    expect(() => new EventRegistry().register({ ...V1, type: 'fee_noted' })).toThrow(/PascalCase/);
  });
});
