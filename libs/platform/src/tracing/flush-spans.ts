import { trace } from '@opentelemetry/api';

interface Flushable {
  forceFlush?(): Promise<void>;
}

/**
 * Exports the spans still buffered (up to one export interval's), so a process that stops does
 * not take the end of its traces with it. Through the API only: without tracing configured the
 * provider is the API's no-op and this does nothing.
 */
export async function flushSpans(): Promise<void> {
  const provider = trace.getTracerProvider() as { getDelegate?(): Flushable };
  await provider.getDelegate?.().forceFlush?.().catch(() => undefined);
}
