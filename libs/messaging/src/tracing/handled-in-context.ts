import type { Envelope } from '@motcua/contracts';
import { withCorrelation } from '@motcua/platform';
import type { MessageContext } from '../inbox/message-handler';
import { continuedFrom, inSpan, SpanKind, tracer } from './trace-context';

/**
 * A handler runs in what caused its message: the event's correlation, with the event as the
 * cause, and a span continuing the trace the message's `traceparent` carries. Its log lines and
 * the events it appends (their metadata) take both on, to the next service.
 */
export function handledInContext<T>(envelope: Envelope, context: MessageContext, group: string, work: () => Promise<T>): Promise<T> {
  const span = tracer.startSpan(
    `process ${context.topic}`,
    {
      kind: SpanKind.CONSUMER,
      attributes: {
        'messaging.system': 'kafka',
        'messaging.operation.type': 'process',
        'messaging.destination.name': context.topic,
        'messaging.destination.partition.id': String(context.partition),
        'messaging.kafka.offset': Number(context.offset),
        'messaging.consumer.group.name': group,
        'messaging.message.id': envelope.id,
        'cloudevents.event_type': envelope.type,
      },
    },
    continuedFrom(context.headers),
  );
  return withCorrelation({ correlationId: envelope.correlationid, causationId: envelope.id }, () => inSpan(span, work));
}
