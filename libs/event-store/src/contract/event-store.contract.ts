import { randomUUID } from 'node:crypto';
import { WrongExpectedVersionError, DuplicateEventIdError } from '../errors';
import { EventStore, NewEvent, START_OF_LOG } from '../event-store.port';

export interface ContractSubject {
  store: EventStore;
  close(): Promise<void>;
}

const event = (type: string, data: unknown = {}): NewEvent => ({
  id: randomUUID(),
  type,
  data,
  metadata: { time: '2026-11-22T08:00:00.000Z', subject: 'dossier-1' },
});

/** The behaviour every EventStore adapter must show; each adapter's spec runs this suite. */
export function describeEventStoreContract(adapter: string, open: () => Promise<ContractSubject>): void {
  describe(`EventStore contract: ${adapter}`, () => {
    let subject: ContractSubject;
    let store: EventStore;
    const stream = () => `dossier-${randomUUID()}`;

    beforeAll(async () => {
      subject = await open();
      store = subject.store;
    });
    afterAll(() => subject.close());

    it('appends to a new stream and reads it back in order with versions from 1', async () => {
      const id = stream();
      const result = await store.append(id, [event('DossierSubmitted', { n: 1 }), event('DossierReceived', { n: 2 })], {
        expectedVersion: 'no_stream',
      });
      expect(result.nextExpectedVersion).toBe(2);
      const read = await store.readStream(id);
      expect(read.map((e) => [e.streamVersion, e.type, e.data])).toEqual([
        [1, 'DossierSubmitted', { n: 1 }],
        [2, 'DossierReceived', { n: 2 }],
      ]);
      expect(read[0].metadata).toMatchObject({ time: '2026-11-22T08:00:00.000Z', subject: 'dossier-1' });
    });

    it('refuses no_stream when the stream exists, and a stale exact version, with the actual version', async () => {
      const id = stream();
      await store.append(id, [event('A')], { expectedVersion: 'no_stream' });
      await expect(store.append(id, [event('B')], { expectedVersion: 'no_stream' })).rejects.toBeInstanceOf(WrongExpectedVersionError);
      const stale = await store.append(id, [event('B')], { expectedVersion: 0 }).catch((e: unknown) => e);
      expect(stale).toBeInstanceOf(WrongExpectedVersionError);
      expect((stale as WrongExpectedVersionError).actual).toBe(1);
      await expect(store.append(id, [event('B')], { expectedVersion: 1 })).resolves.toMatchObject({ nextExpectedVersion: 2 });
      await expect(store.append(id, [event('C')], { expectedVersion: 'any' })).resolves.toMatchObject({ nextExpectedVersion: 3 });
      expect(await store.streamVersion(id)).toBe(3);
    });

    it('reports version 0 and no events for a stream that does not exist', async () => {
      const id = stream();
      expect(await store.streamVersion(id)).toBe(0);
      expect(await store.readStream(id)).toEqual([]);
      await expect(store.append(id, [event('A')], { expectedVersion: 2 })).rejects.toBeInstanceOf(WrongExpectedVersionError);
    });

    it('reads a stream forwards from a version, at most maxCount events', async () => {
      const id = stream();
      await store.append(id, [1, 2, 3, 4, 5].map((n) => event('Step', { n })), { expectedVersion: 'no_stream' });
      const read = await store.readStream(id, { fromVersion: 3, maxCount: 2 });
      expect(read.map((e) => e.data)).toEqual([{ n: 3 }, { n: 4 }]);
    });

    it('lets exactly one of 50 concurrent appends at the same expected version win, without gaps', async () => {
      const id = stream();
      await store.append(id, [event('Created')], { expectedVersion: 'no_stream' });
      const outcomes = await Promise.allSettled(
        Array.from({ length: 50 }, (_, i) => store.append(id, [event('Raced', { i })], { expectedVersion: 1 })),
      );
      const won = outcomes.filter((o) => o.status === 'fulfilled');
      const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(49);
      for (const failure of lost) expect(failure.reason).toBeInstanceOf(WrongExpectedVersionError);
      const versions = (await store.readStream(id)).map((e) => e.streamVersion);
      expect(versions).toEqual([1, 2]);
    });

    it('writes a batch atomically: a repeated event id stores none of it', async () => {
      const id = stream();
      const first = event('A');
      await store.append(id, [first], { expectedVersion: 'no_stream' });
      const repeat = store.append(stream(), [event('B'), { ...first }], { expectedVersion: 'no_stream' });
      await expect(repeat).rejects.toBeInstanceOf(DuplicateEventIdError);
      expect((await store.readStream(id)).map((e) => e.id)).toEqual([first.id]);
    });

    it('appends to many streams in one call, each at its expected version, and reads them back together', async () => {
      const [fresh, existing, untouched] = [stream(), stream(), stream()];
      await store.append(existing, [event('A1')], { expectedVersion: 'no_stream' });
      const results = await store.appendToStreams([
        { streamId: fresh, events: [event('F1'), event('F2')], expectedVersion: 'no_stream' },
        { streamId: existing, events: [event('A2')], expectedVersion: 1 },
      ]);
      expect(results.map((r) => [r.nextExpectedVersion, r.log.length])).toEqual([[2, 2], [2, 1]]);
      const read = await store.readStreams([fresh, existing, untouched]);
      expect([...read].map(([id, events]) => [id, events.map((e) => [e.streamVersion, e.type])])).toEqual([
        [fresh, [[1, 'F1'], [2, 'F2']]],
        [existing, [[1, 'A1'], [2, 'A2']]],
        [untouched, []],
      ]);
    });

    it('refuses a multi-stream append whole when one stream is not at its expected version', async () => {
      const [fresh, existing] = [stream(), stream()];
      await store.append(existing, [event('A1')], { expectedVersion: 'no_stream' });
      const refused = store.appendToStreams([
        { streamId: fresh, events: [event('F1')], expectedVersion: 'no_stream' },
        { streamId: existing, events: [event('A2')], expectedVersion: 'no_stream' },
      ]);
      await expect(refused).rejects.toBeInstanceOf(WrongExpectedVersionError);
      expect(await store.streamVersion(fresh)).toBe(0);
      expect((await store.readStream(existing)).map((e) => e.type)).toEqual(['A1']);
    });

    it('reads the global log in order, page by page, from any position', async () => {
      const a = stream();
      const b = stream();
      await store.append(a, [event('A1'), event('A2')]);
      await store.append(b, [event('B1')]);
      await store.append(a, [event('A3')]);
      const seen: string[] = [];
      let position = START_OF_LOG;
      // A page can come back empty while any older transaction (another spec's) is still open.
      const deadline = Date.now() + 30_000;
      while (seen.length < 4 && Date.now() < deadline) {
        const page = await store.readAll(position, 2);
        if (page.events.length === 0) await new Promise((resolve) => setTimeout(resolve, 20));
        seen.push(...page.events.filter((e) => e.streamId === a || e.streamId === b).map((e) => e.type));
        position = page.next;
      }
      expect(seen).toEqual(['A1', 'A2', 'B1', 'A3']);
      const tail = await store.readAll(position, 10);
      expect(tail.events).toEqual([]);
      expect(tail.next).toEqual(position);
    });
  });
}
