import { Envelope, UnknownEventError } from '@motcua/contracts';
import { ParkedMessage, ParkedMessages, ParkReason, PgDatabase, quoteSchema } from '@motcua/event-store';
import { Logger, silentLogger } from '../logger';
import { DeadLetters } from './dead-letters';
import { NotYetKnownError } from './errors';
import { Inbox } from './inbox';
import { MessageContext, MessageDecoder, MessageHandler } from './message-handler';
import { ParkedMessageSweep } from './parked-message-sweep';
import { lockSubject } from './subject-lock';

export interface DrainOptions {
  /** How often the sweep looks for parked messages due for another try (default 5 s). */
  sweepEveryMs?: number;
  /** A parked message that still cannot be applied is tried again after this, doubling each time (default 1 s)... */
  retryAfterMs?: number;
  /** ...up to this (default 5 min). */
  retryAtMostMs?: number;
  /** Applied inbox entries older than this are forgotten, once an hour (default 30 days). */
  inboxRetentionDays?: number;
}

interface Route {
  handle: MessageHandler;
  decode?: MessageDecoder;
}

/**
 * Shared by all of a service's consumers: a message parked by one consumer (a payment before the
 * case exists) is applied when another consumer applies a message for the same subject, or when
 * the periodic sweep finds it can be applied, whichever comes first.
 */
export class ParkedMessageDrain {
  readonly parked: ParkedMessages;
  readonly deadLetters: DeadLetters;
  private readonly routes = new Map<string, Route>();
  private readonly sweeper: ParkedMessageSweep;
  private readonly s: string;
  private prunedAt = 0;

  constructor(
    readonly db: PgDatabase,
    readonly schema: string,
    private readonly logger: Logger = silentLogger,
    private readonly options: DrainOptions = {},
  ) {
    this.s = quoteSchema(schema);
    this.parked = new ParkedMessages(db, schema);
    this.deadLetters = new DeadLetters(db, schema);
    this.sweeper = new ParkedMessageSweep((all) => this.sweep(all), options.sweepEveryMs ?? 5_000, logger);
  }

  /** `decode` lets a message parked under a version this reader did not know be read again after an upgrade. */
  register(topic: string, handle: MessageHandler, decode?: MessageDecoder): void {
    this.routes.set(topic, { handle, decode });
  }

  route(topic: string): Route {
    const route = this.routes.get(topic);
    if (!route) throw new Error(`no handler registered for topic ${topic}`);
    return route;
  }

  /** Runs the handler in the caller's transaction; parks the message if its subject is unknown. Returns true when parked. */
  async runOrPark(consumer: string, envelope: Envelope, context: MessageContext): Promise<boolean> {
    const { handle } = this.route(context.topic);
    try {
      await this.db.savepoint(() => handle(envelope, context));
      return false;
    } catch (error) {
      if (!(error instanceof NotYetKnownError)) throw error;
      await this.park(consumer, envelope, context, 'NOT_YET_KNOWN');
      return true;
    }
  }

  async park(consumer: string, envelope: Envelope, context: MessageContext, reason: ParkReason): Promise<void> {
    await this.parked.park({ consumer, subject: envelope.subject, messageId: envelope.id, topic: context.topic, envelope, headers: context.headers, reason });
  }

  /** Why the consumer's next message about the subject must wait in order behind an earlier one, if it must. */
  async orderHeldBy(consumer: string, subject: string): Promise<ParkReason | undefined> {
    const { rows } = await this.db.query<{ letter: boolean; parked: boolean }>(
      `select exists (select 1 from ${this.s}.dead_letters where consumer = $1 and subject = $2 and status = 'OPEN') as letter,
              exists (select 1 from ${this.s}.parked_messages where consumer = $1 and subject = $2 and reason <> 'NOT_YET_KNOWN') as parked`,
      [consumer, subject],
    );
    return rows[0].letter ? 'BEHIND_DEAD_LETTER' : rows[0].parked ? 'BEHIND_PARKED' : undefined;
  }

  /**
   * For a batch's subjects, in one query: why the consumer's next message about each must wait in
   * order (absent: it need not), and which subjects have parked messages at all (only those are drained).
   */
  async orderHeldForMany(consumer: string, subjects: string[]): Promise<{ held: Map<string, ParkReason>; withParked: Set<string> }> {
    const { rows } = await this.db.query<{ subject: string; letter: boolean; ordered: boolean; parked: boolean }>(
      `select s.subject,
         exists (select 1 from ${this.s}.dead_letters d where d.consumer = $1 and d.subject = s.subject and d.status = 'OPEN') as letter,
         exists (select 1 from ${this.s}.parked_messages p where p.consumer = $1 and p.subject = s.subject and p.reason <> 'NOT_YET_KNOWN') as ordered,
         exists (select 1 from ${this.s}.parked_messages p where p.subject = s.subject) as parked
       from unnest($2::text[]) as s(subject)`,
      [consumer, subjects],
    );
    const held = new Map<string, ParkReason>();
    for (const row of rows) if (row.letter || row.ordered) held.set(row.subject, row.letter ? 'BEHIND_DEAD_LETTER' : 'BEHIND_PARKED');
    return { held, withParked: new Set(rows.filter((row) => row.parked).map((row) => row.subject)) };
  }

  /**
   * Applies the subject's parked messages in arrival order (in the caller's transaction when there
   * is one). A consumer's message that still cannot be applied keeps that consumer's later ones
   * behind it; each is backed off for the sweep.
   */
  async drain(subject: string): Promise<number> {
    return this.db.transaction(async () => {
      const held = await this.deadLetters.consumersHolding(subject);
      const stalled = new Set<string>();
      let applied = 0;
      for (const message of await this.parked.takeForSubject(subject)) {
        const route = this.routes.get(message.topic);
        if (!route || (message.reason === 'BEHIND_DEAD_LETTER' && held.has(message.consumer))) continue;
        const failure = stalled.has(message.consumer) && message.reason !== 'NOT_YET_KNOWN' ? 'WAITING' : await this.tryApply(message, route);
        if (failure === undefined) {
          await this.parked.remove(message.id);
          applied += 1;
          continue;
        }
        if (failure === NOT_YET_KNOWN) {
          if (message.reason !== 'NOT_YET_KNOWN') await this.parked.setReason(message.id, 'NOT_YET_KNOWN');
        } else {
          stalled.add(message.consumer);
        }
        await this.parked.noteAttempt(message.id, failure, this.options.retryAfterMs ?? 1_000, this.options.retryAtMostMs ?? 300_000);
      }
      return applied;
    });
  }

  /** One pass over the subjects due for another try; `all` tries every subject (at start-up, after an upgrade). */
  async sweep(all = false): Promise<number> {
    if (Date.now() - this.prunedAt > 3_600_000) {
      await new Inbox(this.db, this.schema).prune(this.options.inboxRetentionDays ?? 30);
      this.prunedAt = Date.now();
    }
    let applied = 0;
    for (const subject of await this.parked.dueSubjects(200, all)) {
      applied += await this.db.transaction(async () => {
        await lockSubject(this.db, this.schema, subject);
        return this.drain(subject);
      });
    }
    return applied;
  }

  /** Consumers start and stop the shared sweep; it runs while any of them runs. */
  startSweeping(): void {
    this.sweeper.start();
  }

  stopSweeping(): Promise<void> {
    return this.sweeper.stop();
  }

  /** Undefined when applied, else the failure's code (never its text: it may hold personal data). */
  private async tryApply(message: ParkedMessage, route: Route): Promise<string | undefined> {
    const context: MessageContext = { topic: message.topic, partition: -1, offset: '-1', headers: message.headers };
    try {
      // Decoded again: a message parked under a version unknown then is readable after an upgrade.
      const envelope = route.decode ? route.decode(Buffer.from(JSON.stringify(message.envelope))) : (message.envelope as Envelope);
      await this.db.savepoint(() => route.handle(envelope, context));
      return undefined;
    } catch (error) {
      if (error instanceof NotYetKnownError) return NOT_YET_KNOWN;
      // Still a version this reader does not know: expected until the upgrade, not worth a log line.
      if (error instanceof UnknownEventError) return failureCode(error);
      this.logger.warn({ err: error, messageId: message.messageId, topic: message.topic }, 'parked message could not be applied; it stays parked');
      return failureCode(error);
    }
  }
}

const NOT_YET_KNOWN = 'MESSAGING.NOT_YET_KNOWN';

export function failureCode(error: unknown): string {
  const { code, name } = (error ?? {}) as { code?: unknown; name?: unknown };
  return typeof code === 'string' ? code : typeof name === 'string' ? name : 'UNEXPECTED';
}
