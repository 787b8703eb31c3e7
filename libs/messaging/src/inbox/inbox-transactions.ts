import type { Envelope } from '@motcua/contracts';
import { PgDatabase } from '@motcua/event-store';
import { Inbox } from './inbox';
import { MessageContext } from './message-handler';
import { failureCode, ParkedMessageDrain } from './parked-message-drain';
import { lockSubject, lockSubjects } from './subject-lock';

export type ApplyOutcome = { kind: 'duplicate' } | { kind: 'parked' } | { kind: 'applied'; unparked: number };

export interface Delivery {
  envelope: Envelope;
  context: MessageContext;
}

/**
 * The PostgreSQL side of consuming messages, under their subjects' locks: the inbox record commits
 * with the handler's effects, or with the message's parking, or with its dead-letter record — so
 * a redelivery finds it and does nothing twice.
 */
export class InboxTransactions {
  private readonly inbox: Inbox;

  constructor(
    private readonly db: PgDatabase,
    private readonly schema: string,
    private readonly drain: ParkedMessageDrain,
    private readonly group: string,
  ) {
    this.inbox = new Inbox(db, schema);
  }

  /**
   * A run of one partition's messages in one transaction: one commit, one inbox statement and one
   * look at the park for all of them, a savepoint each. A handler's failure undoes the whole run
   * (the consumer then takes its messages one by one). Parked messages waiting for a subject are
   * applied right after its message, in the same transaction, so a crash cannot strand them.
   */
  applyAll(deliveries: Delivery[]): Promise<ApplyOutcome[]> {
    return this.db.transaction(async () => {
      const subjects = [...new Set(deliveries.map(({ envelope }) => envelope.subject))];
      await lockSubjects(this.db, this.schema, subjects);
      const fresh = await this.inbox.recordMany(this.group, deliveries.map(({ envelope }) => envelope.id), deliveries[0].context.topic);
      const { held, withParked } = await this.drain.orderHeldForMany(this.group, subjects);
      const outcomes: ApplyOutcome[] = [];
      for (const { envelope, context } of deliveries) {
        // A second copy in the same batch is a redelivery too.
        if (!fresh.delete(envelope.id.toLowerCase())) {
          outcomes.push({ kind: 'duplicate' });
          continue;
        }
        // A dossier's messages keep their order: behind a dead letter or a message waiting for its version.
        const behind = held.get(envelope.subject);
        if (behind) await this.drain.park(this.group, envelope, context, behind);
        if (behind || (await this.drain.runOrPark(this.group, envelope, context))) {
          await this.inbox.mark(this.group, envelope.id, 'PARKED');
          withParked.add(envelope.subject);
          outcomes.push({ kind: 'parked' });
          continue;
        }
        outcomes.push({ kind: 'applied', unparked: withParked.has(envelope.subject) ? await this.drain.drain(envelope.subject) : 0 });
      }
      return outcomes;
    });
  }

  async apply(envelope: Envelope, context: MessageContext): Promise<ApplyOutcome> {
    const [outcome] = await this.applyAll([{ envelope, context }]);
    return outcome;
  }

  /** False for a redelivery of a message already parked. */
  parkUnknownVersion(envelope: Envelope, context: MessageContext): Promise<boolean> {
    return this.db.transaction(async () => {
      await lockSubject(this.db, this.schema, envelope.subject);
      if (!(await this.inbox.record(this.group, envelope.id, context.topic, 'PARKED'))) return false;
      const behind = await this.drain.orderHeldBy(this.group, envelope.subject);
      await this.drain.park(this.group, envelope, context, behind === 'BEHIND_DEAD_LETTER' ? behind : 'UNKNOWN_VERSION');
      return true;
    });
  }

  /** Holds the subject's later messages behind this one until it is re-driven or discarded. */
  recordDeadLetter(envelope: Envelope, context: MessageContext, error: unknown, attempts: number): Promise<void> {
    return this.db.transaction(async () => {
      await lockSubject(this.db, this.schema, envelope.subject);
      if (!(await this.inbox.record(this.group, envelope.id, context.topic, 'DEAD_LETTERED'))) return;
      const { id: messageId, subject } = envelope;
      await this.drain.deadLetters.record({ consumer: this.group, messageId, subject, topic: context.topic, envelope, headers: context.headers, errorCode: failureCode(error), attempts });
    });
  }
}
