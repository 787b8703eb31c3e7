import { randomUUID } from 'node:crypto';
import { InvalidMessageError } from '@motcua/contracts';
import type { NewEvent } from '@motcua/event-store';
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
});
