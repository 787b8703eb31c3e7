import { randomUUID } from 'node:crypto';
import { Static, Type } from '@sinclair/typebox';
import { defineEvent, EventRegistry, InvalidMessageError, Topics } from '@motcua/contracts';
import { handleCommand } from '@motcua/event-store';
import type { Decider, EventCodec, NewEvent } from '@motcua/event-store';
import { toProblem } from '@motcua/platform';
import { openTestKit, TestKit } from '../testing/test-kit';
import { PublishCheckedEventStore } from './publish-checked-event-store';
import { toOutgoingMessage } from './to-outgoing-message';

/** What the relay would publish is checked against its contract before it is stored (real PostgreSQL). */
describe('PublishCheckedEventStore', () => {
  let kit: TestKit;
  beforeAll(async () => {
    kit = await openTestKit('publish_checked');
  });
  afterAll(() => kit.close());

  const paid = (dossierId: string, data: Record<string, unknown> = {}): NewEvent => ({
    id: randomUUID(),
    type: 'PaymentSucceeded',
    data: { dossierId, paymentId: 'pay-1', paidAt: '2025-03-03T02:00:00.000Z', amount: 50_000, method: 'ONLINE', ...data },
    metadata: { subject: dossierId, time: '2025-03-03T02:00:00.000Z' },
  });
  // Internal events stay home: the translation publishes nothing for them.
  const keepInternal = (event: Parameters<typeof toOutgoingMessage>[0], source: string) => (event.type === 'BillOpened' ? undefined : toOutgoingMessage(event, source));

  it('stores an event whose published form keeps its contract', async () => {
    const store = new PublishCheckedEventStore(kit.store, 'motcua/payment', keepInternal);
    const dossierId = randomUUID();
    await store.append(dossierId, [{ id: randomUUID(), type: 'BillOpened', data: { anything: true } }, paid(dossierId)], { expectedVersion: 'no_stream' });
    expect((await store.readStream(dossierId)).map((e) => e.type)).toEqual(['BillOpened', 'PaymentSucceeded']);
  });

  it.each([
    ['a fractional amount', { amount: 12.5 }, /data.amount: must be integer/],
    ['a field the contract does not have', { cardNumber: '4111' }, /additional properties 'cardNumber'/],
    ['another dossier in the data than the subject', { dossierId: randomUUID() }, /subject/],
  ])('refuses %s and stores nothing of the append', async (_case, change, reason) => {
    const store = new PublishCheckedEventStore(kit.store, 'motcua/payment', keepInternal);
    const dossierId = randomUUID();
    const append = store.append(dossierId, [{ id: randomUUID(), type: 'BillOpened', data: {} }, paid(dossierId, change)], { expectedVersion: 'no_stream' });
    await expect(append).rejects.toThrow(InvalidMessageError);
    await expect(append).rejects.toThrow(reason);
    expect(await kit.store.streamVersion(dossierId)).toBe(0);
  });

  it('refuses an event larger than its topic takes with a 413 naming it, and stores nothing of the append', async () => {
    // A limit this small stands for the broker's: a valid payment event of ~1 kB exceeds it.
    const store = new PublishCheckedEventStore(kit.store, 'motcua/payment', keepInternal, { maxMessageBytes: 600 });
    const dossierId = randomUUID();
    const error = await store
      .append(dossierId, [{ id: randomUUID(), type: 'BillOpened', data: {} }, paid(dossierId, { platformReference: 'r'.repeat(100) })], { expectedVersion: 'no_stream' })
      .catch((e: unknown) => e);
    expect(toProblem(error)).toMatchObject({ status: 413, code: 'EVENT.TOO_LARGE' });
    expect(toProblem(error)?.detail).toMatch(/PaymentSucceeded event .* \d+ bytes .* at most 600/);
    expect(toProblem(error)?.detail).not.toContain('r'.repeat(100));
    expect(await kit.store.streamVersion(dossierId)).toBe(0);
  });

  it('takes an event of the same shape under the topic limit', async () => {
    const store = new PublishCheckedEventStore(kit.store, 'motcua/payment', keepInternal);
    const dossierId = randomUUID();
    await store.append(dossierId, [paid(dossierId, { platformReference: 'r'.repeat(100) })], { expectedVersion: 'no_stream' });
    expect(await kit.store.streamVersion(dossierId)).toBe(1);
  });

  it('refuses an unknown event type when the translation would publish it', async () => {
    const store = new PublishCheckedEventStore(kit.store, 'motcua/payment');
    const dossierId = randomUUID();
    await expect(store.append(dossierId, [{ id: randomUUID(), type: 'BillOpened', data: {} }])).rejects.toThrow(/unknown event type 'BillOpened'/);
    expect(await kit.store.streamVersion(dossierId)).toBe(0);
  });

  describe('reading a stream written under an older version of an event', () => {
    // A spec-local history: v1 noted a floating fee, v2 holds integer VND.
    const V1 = defineEvent({ type: 'FeeNoted', version: 1, topic: Topics.payment, schema: Type.Object({ dossierId: Type.String(), fee: Type.Number() }, { additionalProperties: false }) });
    const V2 = defineEvent({
      type: 'FeeNoted',
      version: 2,
      topic: Topics.payment,
      schema: Type.Object({ dossierId: Type.String(), amount: Type.Integer() }, { additionalProperties: false }),
      upcast: (old: Static<typeof V1.schema>) => ({ dossierId: old.dossierId, amount: Math.round(old.fee) }),
    });
    const registry = new EventRegistry().register(V1, V2);
    type Noted = { type: 'FeeNoted'; data: { dossierId: string; amount: number } };
    const total: Decider<'note', Noted, number> = {
      initialState: 0,
      evolve: (sum, event) => sum + event.data.amount,
      decide: () => [],
    };
    const codec: EventCodec<Noted> = {
      encode: (event) => ({ id: randomUUID(), type: event.type, schemaVersion: 2, data: event.data }),
      decode: (recorded) => ({ type: recorded.type, data: recorded.data }) as Noted,
    };

    it('upcasts old stored versions to the latest before the aggregate folds them', async () => {
      const store = new PublishCheckedEventStore(kit.store, 'motcua/payment', keepInternal, { registry });
      const dossierId = randomUUID();
      // Stored years ago by a v1 writer; the store never rewrites it.
      await kit.store.append(dossierId, [
        { id: randomUUID(), type: 'FeeNoted', schemaVersion: 1, data: { dossierId, fee: 15000.4 } },
        { id: randomUUID(), type: 'BillOpened', data: { kept: 'as it is' } },
        { id: randomUUID(), type: 'FeeNoted', schemaVersion: 2, data: { dossierId, amount: 7 } },
      ]);
      const read = await store.readStream(dossierId);
      expect(read.map((e) => [e.type, e.schemaVersion, e.data])).toEqual([
        ['FeeNoted', 2, { dossierId, amount: 15000 }],
        ['BillOpened', 1, { kept: 'as it is' }],
        ['FeeNoted', 2, { dossierId, amount: 7 }],
      ]);
      const folded = await handleCommand(store, dossierId, { ...total, evolve: (sum, e) => (e.type === 'FeeNoted' ? total.evolve(sum, e) : sum) }, codec, 'note');
      expect(folded.state).toBe(15007);
      expect((await kit.store.readStream(dossierId))[0].data).toEqual({ dossierId, fee: 15000.4 });
    });
  });
});
