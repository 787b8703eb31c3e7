import { WrongExpectedVersionError } from './errors';
import { EventStore, NewEvent, RecordedEvent } from './event-store.port';

/** An aggregate's rules as pure functions (no I/O): fold events into state, decide events from a command. */
export interface Decider<Command, Event, State> {
  initialState: State;
  evolve(state: State, event: Event): State;
  /** Returns the events the command causes, or throws a typed domain error. */
  decide(command: Command, state: State): Event[];
}

/** How a service's domain events are stored: ids, schema versions, metadata (time from its clock). */
export interface EventCodec<Event> {
  encode(event: Event): NewEvent;
  decode(recorded: RecordedEvent): Event;
}

export interface Decided<Event, State> {
  events: Event[];
  state: State;
  version: number;
}

/**
 * The command-handler shell: read the stream, fold it, decide, append with the version read.
 * A lost race is decided again against the new state (up to `retries` times), so the loser gets
 * the domain's answer (e.g. "already received") rather than a bare conflict. A stream-order
 * conflict is not retried here: this transaction's id is fixed, so only the caller's transaction,
 * run again, can append (PgDatabase.transaction does it).
 */
export async function handleCommand<Command, Event, State>(
  store: EventStore,
  streamId: string,
  decider: Decider<Command, Event, State>,
  codec: EventCodec<Event>,
  command: Command,
  { retries = 2 }: { retries?: number } = {},
): Promise<Decided<Event, State>> {
  for (let attempt = 0; ; attempt++) {
    const recorded = await store.readStream(streamId);
    const state = recorded.map((e) => codec.decode(e)).reduce((s, e) => decider.evolve(s, e), decider.initialState);
    const events = decider.decide(command, state);
    if (events.length === 0) return { events, state, version: recorded.length };
    try {
      const { nextExpectedVersion } = await store.append(streamId, events.map((e) => codec.encode(e)), {
        expectedVersion: recorded.length === 0 ? 'no_stream' : recorded.length,
      });
      return { events, state: events.reduce((s, e) => decider.evolve(s, e), state), version: nextExpectedVersion };
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError) || attempt >= retries) throw error;
    }
  }
}
