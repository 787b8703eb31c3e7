/**
 * Whether a failure comes from the infrastructure rather than from the message: the database or
 * the broker is away, restarting, out of resources, or a transaction lost a race. Such a message
 * is retried for as long as it takes; dead-lettering it would send healthy messages away during
 * every failover and let a dossier's later messages run ahead of it.
 */
export function isTransient(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 5) return false;
  const failure = error as { code?: unknown; retryable?: unknown; retriable?: unknown; name?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
  // Any error that says so: the event store's StreamOrderConflictError, kafkajs' retriable errors.
  if (failure.retryable === true || failure.retriable === true) return true;
  if (typeof failure.code === 'string' && (NETWORK_CODES.has(failure.code) || isTransientSqlState(failure.code))) return true;
  if (typeof failure.name === 'string' && KAFKA_TRANSIENT.has(failure.name)) return true;
  if (typeof failure.message === 'string' && PG_CONNECTION_LOST.some((text) => (failure.message as string).includes(text))) return true;
  if (Array.isArray(failure.errors) && failure.errors.some((inner) => isTransient(inner, depth + 1))) return true;
  return isTransient(failure.cause, depth + 1);
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ECONNABORTED', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);

/** SQLSTATE: 08 connection exception, 53 insufficient resources, 57P01-03 shutdown or not accepting yet, 40001/40P01 lost races. */
function isTransientSqlState(code: string): boolean {
  if (!/^[0-9A-Z]{5}$/.test(code)) return false;
  return code.startsWith('08') || code.startsWith('53') || ['57P01', '57P02', '57P03', '40001', '40P01'].includes(code);
}

const KAFKA_TRANSIENT = new Set(['KafkaJSConnectionError', 'KafkaJSRequestTimeoutError', 'KafkaJSBrokerNotFound', 'KafkaJSConnectionClosedError', 'KafkaJSLockTimeout']);

// node-postgres reports a connection that went away, or a pool that could not get one, with these texts and no code.
const PG_CONNECTION_LOST = [
  'Connection terminated',
  'Client has encountered a connection error and is not queryable',
  'timeout exceeded when trying to connect',
  'Client was closed and is not queryable',
];
