import { randomUUID } from 'node:crypto';
import { Decider, EventCodec, handleCommand } from '../decider';
import { WrongExpectedVersionError } from '../errors';
import { PgDatabase } from './pg-database';
import { PgEventStore } from './pg-event-store';
import { openTestStore } from './test-schema';

type Command = { type: 'Receive'; officer: string };
type Event = { type: 'Received'; officer: string };
type State = { received: boolean };

class AlreadyReceived extends Error {}

const dossier: Decider<Command, Event, State> = {
  initialState: { received: false },
  evolve: (_state, event) => {
    switch (event.type) {
      case 'Received':
        return { received: true };
    }
  },
  decide: (command, state) => {
    if (state.received) throw new AlreadyReceived('already received');
    return [{ type: 'Received', officer: command.officer }];
  },
};

const codec: EventCodec<Event> = {
  encode: (event) => ({ id: randomUUID(), type: event.type, data: { officer: event.officer } }),
  decode: (recorded) => ({ type: 'Received', officer: (recorded.data as { officer: string }).officer }),
};

describe('handleCommand (PostgreSQL)', () => {
  let db: PgDatabase;
  let store: PgEventStore;

  beforeAll(async () => ({ db, store } = await openTestStore('es_cmd')));
  afterAll(() => db.close());

  it('lets one of two racing commands win and gives the other the domain answer', async () => {
    const id = `dossier-${randomUUID()}`;
    const outcomes = await Promise.allSettled(
      ['officer-a', 'officer-b'].map((officer) => handleCommand(store, id, dossier, codec, { type: 'Receive', officer })),
    );
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const loser = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(loser?.reason).toBeInstanceOf(AlreadyReceived);
    expect(await store.streamVersion(id)).toBe(1);
  });

  it('gives up with the conflict when every retry loses', async () => {
    const id = `dossier-${randomUUID()}`;
    const racing: typeof store = Object.create(store);
    // Another writer appends between every read and append of this handler.
    racing.readStream = async (streamId, options) => {
      const read = await store.readStream(streamId, options);
      await store.append(streamId, [{ id: randomUUID(), type: 'Noise', data: {} }]);
      return read;
    };
    const always: Decider<Command, Event, State> = { ...dossier, decide: (command) => [{ type: 'Received', officer: command.officer }] };
    await expect(handleCommand(racing, id, always, codec, { type: 'Receive', officer: 'x' }, { retries: 2 })).rejects.toBeInstanceOf(WrongExpectedVersionError);
  });
});
