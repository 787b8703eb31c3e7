import type { IncomingMessage } from 'node:http';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { KafkaJsInstrumentation } from '@opentelemetry/instrumentation-kafkajs';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { NodeSDK } from '@opentelemetry/sdk-node';

/**
 * Each service's main.ts imports this first: instrumentations patch http, pg and kafkajs as they
 * are required, so the SDK must be running before NestJS and the rest are loaded. It imports
 * nothing of the platform's for the same reason. Tracing is on only where
 * OTEL_EXPORTER_OTLP_ENDPOINT names a collector (OTLP/HTTP, JSON); the standard OTEL_* variables
 * tune it (OTEL_SERVICE_NAME, OTEL_TRACES_SAMPLER, OTEL_BSP_SCHEDULE_DELAY…). Metrics stay
 * Prometheus's (/metrics), logs stdout's.
 */
function startTracing(): NodeSDK | undefined {
  if (!process.env['OTEL_EXPORTER_OTLP_ENDPOINT']) return undefined;
  const sdk = new NodeSDK({
    serviceName: process.env['OTEL_SERVICE_NAME'] ?? process.env['SERVICE_NAME'] ?? serviceOfScript(process.argv[1] ?? ''),
    traceExporter: new OTLPTraceExporter(),
    metricReaders: [],
    logRecordProcessors: [],
    instrumentations: [
      // Probes and scrapes every few seconds would drown the traces worth reading.
      new HttpInstrumentation({ ignoreIncomingRequestHook: (request: IncomingMessage) => /^\/(health|metrics)/.test(request.url ?? '') }),
      // A query is traced as part of a request, a publish or a message's handling; the relays' and
      // subscriptions' polling every few hundred milliseconds would be traces of one query each.
      new PgInstrumentation({ requireParentSpan: true }),
      new KafkaJsInstrumentation(),
    ],
  });
  sdk.start();
  return sdk;
}

/** `services/<name>/…/main.ts` (or .js) names its service. */
export function serviceOfScript(script: string): string {
  return /services[\\/]([^\\/]+)[\\/]/.exec(script)?.[1] ?? 'motcua';
}

export const tracing = startTracing();
