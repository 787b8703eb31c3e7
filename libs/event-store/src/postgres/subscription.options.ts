import { LogPosition, ReadAllResult, RecordedEvent } from '../event-store.port';

/** This instance no longer runs the subscription: its lock or its checkpoint passed to another. */
export class SupersededError extends Error {
  constructor(name: string) {
    super(`subscription ${name}: the checkpoint was moved by another instance; waiting for the lock again`);
    this.name = 'SupersededError';
  }
}

/**
 * Thrown by an at-least-once handler that got part of its batch through before `reason` stopped
 * it: the checkpoint moves past that part (so it is not sent again), then `reason` is handled as
 * any failure (retried from there, with backoff).
 */
export class PartlyHandledError extends Error {
  constructor(
    readonly handledUpTo: LogPosition | undefined,
    readonly reason: unknown,
  ) {
    super(reason instanceof Error ? reason.message : String(reason));
    this.name = 'PartlyHandledError';
  }
}

export interface SubscriptionOptions {
  /** Durable name: the checkpoint and the exclusivity lock are keyed by it. */
  name: string;
  /** Handles a batch in the global order; see `delivery` for where it runs. */
  handle(events: RecordedEvent[]): Promise<void>;
  /**
   * 'atomic' (default): the batch is handled in the transaction that moves the checkpoint, so it
   * is applied exactly once. 'at-least-once': it is handled with no transaction open (a Kafka
   * send and its retries must not hold one: idle_in_transaction_session_timeout ends it, and it
   * pins the xmin horizon the gap-safe reader waits on), and the checkpoint moves just after; an
   * instance that lost its lock meanwhile may repeat a batch, never skip one.
   */
  delivery?: 'atomic' | 'at-least-once';
  batchSize?: number;
  /**
   * How long to wait after finding nothing new. Polling, not LISTEN/NOTIFY: NOTIFY takes a
   * cluster-wide lock at every commit and costs appends up to half their throughput under
   * concurrency (bench/append.bench.ts); a full batch is followed by the next at once.
   */
  pollIntervalMs?: number;
  onError?(error: unknown, attempt: number): void;
  /** How the log is read; the gap-safe reader unless a test needs to show what a naive one misses. */
  read?(after: LogPosition, maxCount: number): Promise<ReadAllResult>;
}

export interface SubscriptionStatus {
  name: string;
  state: 'stopped' | 'waiting-for-lock' | 'running' | 'failing';
  position: LogPosition | undefined;
  lastError: string | undefined;
}
