import { currentCorrelation } from '@motcua/platform';
import { currentTraceContext } from '../tracing/trace-context';
import type { AppendResult, EventMetadata, EventStore, ExpectedVersion, NewEvent, RecordedEvent, StreamAppend } from '@motcua/event-store';

/**
 * The service's event store, stamping each appended event with what caused it: the correlation
 * of the request or consumed event under way, the consumed event as its cause, and the W3C trace
 * context (`traceparent`, `tracestate`) of the work that appended it. The relay publishes them
 * later, from a context of its own (envelope, headers; publish spans continuing the stored
 * trace), so the next service carries them on. Metadata a service set itself is kept.
 */
export class CorrelatedEventStore implements EventStore {
  constructor(private readonly inner: EventStore) {}

  append(streamId: string, events: NewEvent[], options?: { expectedVersion?: ExpectedVersion }): Promise<AppendResult> {
    return this.inner.append(streamId, stamped(events), options);
  }

  appendToStreams(appends: StreamAppend[]): Promise<AppendResult[]> {
    return this.inner.appendToStreams(appends.map((append) => ({ ...append, events: stamped(append.events) })));
  }

  readStream(...args: Parameters<EventStore['readStream']>): Promise<RecordedEvent[]> {
    return this.inner.readStream(...args);
  }

  readStreams(streamIds: string[]): Promise<Map<string, RecordedEvent[]>> {
    return this.inner.readStreams(streamIds);
  }

  streamVersion(streamId: string): Promise<number> {
    return this.inner.streamVersion(streamId);
  }

  readAll(...args: Parameters<EventStore['readAll']>): ReturnType<EventStore['readAll']> {
    return this.inner.readAll(...args);
  }
}

function stamped(events: NewEvent[]): NewEvent[] {
  const cause = causeOfNow();
  if (Object.keys(cause).length === 0) return events;
  return events.map((event) => ({ ...event, metadata: { ...cause, ...event.metadata } }));
}

function causeOfNow(): EventMetadata {
  const correlation = currentCorrelation();
  const metadata: EventMetadata = { ...currentTraceContext() };
  if (correlation) metadata.correlationId = correlation.correlationId;
  if (correlation?.causationId) metadata.causationId = correlation.causationId;
  return metadata;
}
