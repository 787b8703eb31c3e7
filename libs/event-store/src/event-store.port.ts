/**
 * The event store port. Services append to and read their own streams through it; the relay and
 * catch-up subscriptions read the whole log in a gap-safe global order.
 */
export type ExpectedVersion =
  /** The stream must not exist yet. */
  | 'no_stream'
  /** No concurrency check. */
  | 'any'
  /** The stream's current version (the number of events in it) must be exactly this. */
  | number;

export interface NewEvent<Data = unknown> {
  /** Unique per event, kept forever: it becomes the integration event's id and the inbox key. */
  id: string;
  type: string;
  schemaVersion?: number;
  data: Data;
  metadata?: EventMetadata;
}

export interface EventMetadata {
  /** Domain time from the injected clock, ISO-8601. Replays read it, never the clock. */
  time?: string;
  /** The dossier (or other aggregate) the event is about; becomes the Kafka key. */
  subject?: string;
  correlationId?: string;
  causationId?: string;
  [key: string]: unknown;
}

/** A position in the global log: the writing transaction and the row's sequence number. */
export interface LogPosition {
  transactionId: string;
  position: string;
}

export const START_OF_LOG: LogPosition = Object.freeze({ transactionId: '0', position: '0' });

export interface RecordedEvent<Data = unknown> {
  id: string;
  streamId: string;
  /** 1 for a stream's first event. */
  streamVersion: number;
  type: string;
  schemaVersion: number;
  data: Data;
  metadata: EventMetadata;
  log: LogPosition;
  recordedAt: Date;
}

export interface AppendResult {
  /** The stream's version after the append: pass it as the next expected version. */
  nextExpectedVersion: number;
  log: LogPosition[];
}

/** One stream's share of a multi-stream append; `0` is the same as 'no_stream'. */
export interface StreamAppend {
  streamId: string;
  events: NewEvent[];
  expectedVersion: Exclude<ExpectedVersion, 'any'>;
}

export interface ReadStreamOptions {
  fromVersion?: number;
  maxCount?: number;
}

export interface ReadAllResult {
  events: RecordedEvent[];
  /** Where the next read starts; unchanged when nothing new is readable yet. */
  next: LogPosition;
}

export interface EventStore {
  append(streamId: string, events: NewEvent[], options?: { expectedVersion?: ExpectedVersion }): Promise<AppendResult>;
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  /**
   * Appends to many streams at once, each at its expected version, all or none (a bulk import of
   * thousands of aggregates, which one round trip per stream would make take minutes). Results
   * come in the order of `appends`; a stream may appear only once.
   */
  appendToStreams(appends: StreamAppend[]): Promise<AppendResult[]>;
  /** Several whole streams in one read; a stream that does not exist maps to []. */
  readStreams(streamIds: string[]): Promise<Map<string, RecordedEvent[]>>;
  /** Version of the stream, 0 when it does not exist. */
  streamVersion(streamId: string): Promise<number>;
  /** The global log after a position, only as far as no concurrent writer can still fill a gap. */
  readAll(after: LogPosition, maxCount: number): Promise<ReadAllResult>;
}
