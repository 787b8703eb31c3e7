import { Consumer, EachBatchPayload, Kafka, RetryOptions } from 'kafkajs';
import { Logger } from '../logger';

export type MemberState = 'stopped' | 'starting' | 'running' | 'restarting';

export interface KafkaMemberOptions {
  group: string;
  topics: readonly string[];
  logger: Logger;
  /** How the member is named in its logs, e.g. `consumer`, `projection consumer`. */
  name: string;
  /** How long the group waits for a silent member before giving its partitions away (default 30 s). */
  sessionTimeoutMs?: number;
  /** kafkajs retries of a failing batch before the member crashes (default 5). */
  retry?: Pick<RetryOptions, 'retries' | 'initialRetryTime'>;
  partitionsConsumedConcurrently: number;
  /** The most a fetch brings of one partition (kafkajs's default 1 MiB); a larger record batch still comes whole. */
  maxBytesPerPartition?: number;
  /** Offsets are resolved and committed by the caller, after its own transaction. */
  eachBatch(payload: EachBatchPayload, consumer: Consumer): Promise<void>;
  /** Every (re)assignment, as kafkajs joins the group and before that generation's first fetch. */
  onJoin?(consumer: Consumer, assignment: Record<string, number[]>): void;
  /**
   * First wait before a member that crashed for good, or left, is replaced (default 2 s). It
   * doubles with each restart that does not join, up to 10 s: well inside the grace readiness
   * gives a consumer to rejoin a broker that came back (consumer-readiness.ts).
   */
  restartDelayMs?: number;
}

const MOST_RESTART_DELAY_MS = 10_000;

/**
 * One consumer-group member for as long as it is wanted: connect, subscribe, run; after a crash,
 * a fresh kafkajs consumer; stop. Restarts are ours alone: kafkajs's own restart timer is set
 * after its crash handling has disconnected, so a stop during a crash could not cancel it and the
 * member came back. Here every restart checks the stop first and stop() waits for a start under
 * way, so once stop() resolves no member of this one consumes again. A kafkajs consumer that
 * stops or disconnects without our stop (its connection's owner gave up on it) has left the
 * group as surely as one that crashed, and is replaced the same way.
 */
export class KafkaMember {
  private current: Consumer | undefined;
  private memberState: MemberState = 'stopped';
  /** When the member last stopped running (or was made), while it is not running (epoch ms). */
  private notRunningSince: number | undefined = Date.now();
  private stopped = true;
  private restartTimer: NodeJS.Timeout | undefined;
  /** The start under way, if any; starts run one after another. */
  private attempt: Promise<void> = Promise.resolve();
  /** kafkajs's run() while it joins the group. */
  private joining: Promise<void> | undefined;
  /** Crashes kafkajs would have restarted by itself (retriable ones), with the wait it would have used. */
  private readonly retriable = new WeakMap<Error, number>();
  /** Restarts since the member last joined: each waits twice as long as the one before. */
  private restarts = 0;

  constructor(
    private readonly kafka: Kafka,
    private readonly options: KafkaMemberOptions,
  ) {}

  get state(): MemberState {
    return this.memberState;
  }

  get ready(): boolean {
    return this.memberState === 'running';
  }

  /** Since when it has not been running, while it is not (epoch ms). */
  get awaySince(): number | undefined {
    return this.notRunningSince;
  }

  /** The kafkajs consumer of the moment (to pause, resume, seek); undefined between members. */
  get consumer(): Consumer | undefined {
    return this.current;
  }

  start(): Promise<void> {
    this.stopped = false;
    this.restarts = 0;
    return this.launch();
  }

  /** Starts without holding up the caller; a broker that is not there yet is retried, not-ready meanwhile. */
  startInBackground(): void {
    this.start().catch((error: unknown) => {
      this.options.logger.error({ err: error, group: this.options.group }, `${this.options.name} could not start; retrying`);
      this.restartLater(this.restartDelay);
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.restartTimer);
    this.restartTimer = undefined;
    // Disconnecting while run() is joining would orphan kafkajs's runner, which then consumes on
    // its own: the join ends first. A member still connecting is disconnected now, and leaves on
    // its own once connected, without running.
    await this.joining?.catch(() => undefined);
    const consumer = this.current;
    this.current = undefined;
    await consumer?.disconnect();
    this.become('stopped');
  }

  private get restartDelay(): number {
    return this.options.restartDelayMs ?? 2_000;
  }

  private launch(): Promise<void> {
    const previous = this.attempt;
    const attempt = previous.catch(() => undefined).then(() => this.connectAndRun());
    this.attempt = attempt;
    return attempt;
  }

  private async connectAndRun(): Promise<void> {
    // The crashed member, if any, was disconnected by kafkajs; this makes sure of it (no longer
    // current, so its disconnection is not taken for a departure).
    const previous = this.current;
    this.current = undefined;
    await previous?.disconnect().catch(() => undefined);
    if (this.stopped) return;
    this.become('starting');
    const { group, topics, sessionTimeoutMs = 30_000, retry = { retries: 5 } } = this.options;
    const consumer = this.kafka.consumer({
      groupId: group,
      allowAutoTopicCreation: false,
      maxBytesPerPartition: this.options.maxBytesPerPartition,
      sessionTimeout: sessionTimeoutMs,
      heartbeatInterval: Math.min(3_000, sessionTimeoutMs / 3),
      retry: {
        ...retry,
        // Called by kafkajs for the crashes it would restart; it never does, the member does.
        restartOnFailure: async (error) => {
          const { retryTime } = error as { retryTime?: number };
          this.retriable.set(error, retryTime || retry.initialRetryTime || 300);
          return false;
        },
      },
    });
    this.current = consumer;
    consumer.on(consumer.events.GROUP_JOIN, (event) => {
      if (this.current !== consumer || this.stopped) return;
      this.become('running');
      this.restarts = 0;
      this.options.onJoin?.(consumer, event.payload.memberAssignment);
    });
    consumer.on(consumer.events.CRASH, (event) => this.crashed(consumer, event.payload.error));
    // kafkajs emits both before a crash, which then sets the wait it knows of.
    consumer.on(consumer.events.STOP, () => this.left(consumer));
    consumer.on(consumer.events.DISCONNECT, () => this.left(consumer));
    try {
      await consumer.connect();
      if (!this.stopped) await consumer.subscribe({ topics: [...topics], fromBeginning: true });
    } catch (error) {
      // A stop disconnects a member that is still connecting; what that breaks is no failure.
      if (!this.stopped) throw error;
    }
    if (this.stopped) return consumer.disconnect().catch(() => undefined);
    const joining = consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently,
      // A batch handed over while the member stops is left alone: its offsets stay for the next owner.
      eachBatch: async (payload) => {
        if (this.stopped || this.current !== consumer) return;
        await this.options.eachBatch(payload, consumer);
      },
    });
    this.joining = joining;
    try {
      await joining;
    } finally {
      if (this.joining === joining) this.joining = undefined;
    }
  }

  private crashed(consumer: Consumer, error: Error): void {
    if (this.current !== consumer) return;
    const wait = this.retriable.get(error) ?? this.restartDelay;
    this.options.logger.error({ err: error, group: this.options.group, restart: !this.stopped }, `${this.options.name} crashed`);
    if (this.stopped) return;
    this.become('restarting');
    this.restartLater(wait);
  }

  private become(state: MemberState): void {
    if (state === 'running') this.notRunningSince = undefined;
    else this.notRunningSince ??= Date.now();
    this.memberState = state;
  }

  private left(consumer: Consumer): void {
    if (this.current !== consumer || this.stopped || this.memberState === 'restarting') return;
    this.options.logger.error({ group: this.options.group }, `${this.options.name} left its group without being stopped`);
    this.restartLater(this.restartDelay);
  }

  /** A member that crashed, left, or could not start, is replaced by a fresh one; readiness is false meanwhile. */
  private restartLater(ms: number): void {
    if (this.stopped) return;
    this.become('restarting');
    clearTimeout(this.restartTimer);
    const wait = Math.min(ms * 2 ** this.restarts, Math.max(ms, MOST_RESTART_DELAY_MS));
    this.restartTimer = setTimeout(() => {
      this.restartTimer = undefined;
      if (this.stopped) return;
      this.restarts += 1;
      this.launch().catch((error: unknown) => {
        this.options.logger.error({ err: error, group: this.options.group }, `${this.options.name} restart failed`);
        this.restartLater(this.restartDelay);
      });
    }, wait);
    // A pending restart alone does not keep the process alive; the service's server does.
    this.restartTimer.unref();
  }
}
