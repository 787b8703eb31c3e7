import { Envelope, integrationEvents } from '@motcua/contracts';
import type { AppendResult, EventStore, ExpectedVersion, NewEvent, RecordedEvent } from '@motcua/event-store';
import { START_OF_LOG } from '@motcua/event-store';
import type { RelayOptions } from './event-relay';
import { toOutgoingMessage } from './to-outgoing-message';

/**
 * The service's event store, refusing to append an event whose published form would break its
 * contract. The check runs here, when the event is recorded, with the very translation the relay
 * will apply: a relay that refused a stored event would stall the whole log behind it, and one
 * that sent it would have every consumer dead-letter it.
 */
export class PublishCheckedEventStore implements EventStore {
  private readonly translate: NonNullable<RelayOptions['translate']>;

  constructor(
    private readonly inner: EventStore,
    private readonly source: string,
    translate?: RelayOptions['translate'],
  ) {
    this.translate = translate ?? toOutgoingMessage;
  }

  async append(streamId: string, events: NewEvent[], options?: { expectedVersion?: ExpectedVersion }): Promise<AppendResult> {
    for (const event of events) {
      const message = this.translate(asRecorded(streamId, event), this.source);
      // The producer's own check (schema, version, subject = dossier id): InvalidMessageError names the path.
      if (message) integrationEvents.assertPublishable(JSON.parse(String(message.value)) as Envelope);
    }
    return this.inner.append(streamId, events, options);
  }

  readStream(...args: Parameters<EventStore['readStream']>): ReturnType<EventStore['readStream']> {
    return this.inner.readStream(...args);
  }

  streamVersion(streamId: string): Promise<number> {
    return this.inner.streamVersion(streamId);
  }

  readAll(...args: Parameters<EventStore['readAll']>): ReturnType<EventStore['readAll']> {
    return this.inner.readAll(...args);
  }
}

/** The event as the relay will read it back; the position and version do not reach the message. */
function asRecorded(streamId: string, event: NewEvent): RecordedEvent {
  return {
    id: event.id,
    streamId,
    streamVersion: 0,
    type: event.type,
    schemaVersion: event.schemaVersion ?? 1,
    data: event.data,
    metadata: event.metadata ?? {},
    log: START_OF_LOG,
    recordedAt: new Date(0),
  };
}
