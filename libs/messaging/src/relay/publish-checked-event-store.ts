import { Envelope, EventRegistry, integrationEvents, MAX_MESSAGE_BYTES } from '@motcua/contracts';
import type { AppendResult, EventStore, ExpectedVersion, NewEvent, RecordedEvent, StreamAppend } from '@motcua/event-store';
import { START_OF_LOG } from '@motcua/event-store';
import type { OutgoingMessage } from '../kafka/publisher';
import type { RelayOptions } from './event-relay';
import { EventTooLargeError, largestField } from './event-too-large.error';
import { toOutgoingMessage } from './to-outgoing-message';

/**
 * The service's event store, refusing to append an event whose published form would break its
 * contract. The check runs here, when the event is recorded, with the very translation the relay
 * will apply: a relay that refused a stored event would stall the whole log behind it, and one
 * that sent it would have every consumer dead-letter it. The same goes for size: an event larger
 * than its topic takes (MAX_MESSAGE_BYTES, the broker's limit) is refused here, with a 413.
 * Reading a stream, it upcasts old stored versions of the registry's events to their latest, as
 * consumers do with messages: an aggregate folds only current shapes, and nothing is rewritten.
 */
export class PublishCheckedEventStore implements EventStore {
  private readonly translate: NonNullable<RelayOptions['translate']>;
  private readonly maxMessageBytes: number;
  private readonly registry: EventRegistry;

  constructor(
    private readonly inner: EventStore,
    private readonly source: string,
    translate?: RelayOptions['translate'],
    /** `registry`: the events stored in their integration shape (every integration event unless told). */
    options: { maxMessageBytes?: number; registry?: EventRegistry } = {},
  ) {
    this.translate = translate ?? toOutgoingMessage;
    this.maxMessageBytes = options.maxMessageBytes ?? MAX_MESSAGE_BYTES;
    this.registry = options.registry ?? integrationEvents;
  }

  async append(streamId: string, events: NewEvent[], options?: { expectedVersion?: ExpectedVersion }): Promise<AppendResult> {
    this.check(streamId, events);
    return this.inner.append(streamId, events, options);
  }

  async appendToStreams(appends: StreamAppend[]): Promise<AppendResult[]> {
    for (const { streamId, events } of appends) this.check(streamId, events);
    return this.inner.appendToStreams(appends);
  }

  private check(streamId: string, events: NewEvent[]): void {
    for (const event of events) {
      const message = this.translate(asRecorded(streamId, event), this.source);
      // The producer's own check (schema, version, subject = dossier id): InvalidMessageError names the path.
      if (!message) continue;
      this.registry.assertPublishable(JSON.parse(String(message.value)) as Envelope);
      const bytes = recordBytes(message);
      if (bytes > this.maxMessageBytes) throw new EventTooLargeError(event.type, bytes, this.maxMessageBytes, largestField(event.data));
    }
  }

  async readStream(...args: Parameters<EventStore['readStream']>): Promise<RecordedEvent[]> {
    return (await this.inner.readStream(...args)).map((event) => this.upcast(event));
  }

  async readStreams(streamIds: string[]): Promise<Map<string, RecordedEvent[]>> {
    const streams = await this.inner.readStreams(streamIds);
    return new Map([...streams].map(([id, events]) => [id, events.map((event) => this.upcast(event))]));
  }

  private upcast(event: RecordedEvent): RecordedEvent {
    const { version, data } = this.registry.upcastData(event.type, event.schemaVersion, event.data);
    return version === event.schemaVersion ? event : { ...event, schemaVersion: version, data };
  }

  streamVersion(streamId: string): Promise<number> {
    return this.inner.streamVersion(streamId);
  }

  readAll(...args: Parameters<EventStore['readAll']>): ReturnType<EventStore['readAll']> {
    return this.inner.readAll(...args);
  }
}

/**
 * The record's size as the broker counts it against max.message.bytes, alone in its batch and
 * uncompressed: key, value, headers, the batch and record framing (61 bytes of batch header, a
 * few dozen of varints and attributes), and what gzip adds to data that does not compress
 * (about 5 bytes a 16 kB block, and its own header).
 */
function recordBytes(message: OutgoingMessage): number {
  const value = Buffer.byteLength(message.value);
  let bytes = 61 + 40 + Buffer.byteLength(message.key) + value + Math.ceil(value / 1_000) + 64;
  for (const [name, value] of Object.entries(message.headers)) bytes += 10 + Buffer.byteLength(name) + Buffer.byteLength(value);
  return bytes;
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
