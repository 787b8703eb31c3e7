import { Context, context, createContextKey, propagation, ROOT_CONTEXT, Span, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';

/** With no SDK started (OTEL_EXPORTER_OTLP_ENDPOINT unset) every call here is the API's no-op. */
export const tracer = trace.getTracer('@motcua/messaging');

/** W3C trace context of the work under way (`traceparent`, `tracestate`), to store with an event. */
export function currentTraceContext(): Record<string, string> {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier;
}

/** The context a stored event's metadata, or a message's headers, continue. */
export function continuedFrom(carrier: Record<string, unknown>): Context {
  const fields: Record<string, string> = {};
  for (const name of ['traceparent', 'tracestate']) if (typeof carrier[name] === 'string') fields[name] = carrier[name];
  return propagation.extract(ROOT_CONTEXT, fields);
}

/** Its W3C headers, to send with the message it publishes. */
export function headersOfSpan(span: Span): Record<string, string> {
  const headers: Record<string, string> = {};
  propagation.inject(trace.setSpan(ROOT_CONTEXT, span), headers);
  return headers;
}

/**
 * @opentelemetry/core's suppressTracing key (the API makes keys with Symbol.for, so this is the
 * same one). Under it, the kafkajs instrumentation neither starts its own send span nor writes
 * its `traceparent` over the one the relay continues from the stored event.
 */
const SUPPRESS_TRACING = createContextKey('OpenTelemetry SDK Context Key SUPPRESS_TRACING');

export function withoutInstrumentation<T>(work: () => T): T {
  return context.with(context.active().setValue(SUPPRESS_TRACING, true), work);
}

/** Runs `work` in `span`, ending it with the outcome. */
export async function inSpan<T>(span: Span, work: () => Promise<T>): Promise<T> {
  try {
    return await context.with(trace.setSpan(context.active(), span), work);
  } catch (error) {
    span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
    throw error;
  } finally {
    span.end();
  }
}

export { SpanKind };
