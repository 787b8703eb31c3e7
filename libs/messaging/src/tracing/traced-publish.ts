import type { RecordedEvent } from '@motcua/event-store';
import type { Span } from '@opentelemetry/api';
import { SpanStatusCode } from '@opentelemetry/api';
import type { OutgoingMessage } from '../kafka/publisher';
import { continuedFrom, headersOfSpan, SpanKind, tracer, withoutInstrumentation } from './trace-context';

/**
 * The relay publishes long after the request that stored the events, from a context of its own:
 * each event's publish span continues the trace stored with the event instead, and its
 * `traceparent` header carries that trace to the consumers. The kafkajs instrumentation is kept
 * out of the send, or it would start one span for the whole batch and overwrite the headers.
 */
export async function publishTraced(
  topic: string,
  events: RecordedEvent[],
  translate: (event: RecordedEvent) => OutgoingMessage | undefined,
  publish: (messages: OutgoingMessage[]) => Promise<void>,
): Promise<void> {
  const spans: Span[] = [];
  const messages: OutgoingMessage[] = [];
  for (const event of events) {
    const message = translate(event);
    if (!message) continue;
    const destination = message.topic ?? topic;
    const span = tracer.startSpan(
      `publish ${destination}`,
      {
        kind: SpanKind.PRODUCER,
        attributes: {
          'messaging.system': 'kafka',
          'messaging.operation.type': 'send',
          'messaging.destination.name': destination,
          'messaging.message.id': event.id,
          'cloudevents.event_type': event.type,
        },
      },
      continuedFrom(event.metadata),
    );
    spans.push(span);
    messages.push({ ...message, headers: { ...message.headers, ...headersOfSpan(span) } });
  }
  try {
    await withoutInstrumentation(() => publish(messages));
  } catch (error) {
    for (const span of spans) span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
    throw error;
  } finally {
    for (const span of spans) span.end();
  }
}
