import type { Envelope } from '@motcua/contracts';
import { PgDatabase } from '@motcua/event-store';
import { Inbox } from './inbox';
import { MessageContext } from './message-handler';
import { failureCode, ParkedMessageDrain } from './parked-message-drain';
import { lockSubject } from './subject-lock';

export type ApplyOutcome = { kind: 'duplicate' } | { kind: 'parked' } | { kind: 'applied'; unparked: number };

/**
 * The PostgreSQL side of consuming one message, each in one transaction under its subject's lock:
 * the inbox record commits with the handler's effects, or with the message's parking, or with
 * its dead-letter record — so a redelivery finds it and does nothing twice.
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

  /** Parked messages waiting for this subject are applied in the same transaction, so a crash cannot leave them waiting for a next message that may never come. */
  apply(envelope: Envelope, context: MessageContext): Promise<ApplyOutcome> {
    return this.db.transaction(async () => {
      await lockSubject(this.db, this.schema, envelope.subject);
      if (!(await this.inbox.record(this.group, envelope.id, context.topic, 'APPLIED'))) return { kind: 'duplicate' };
      // A dossier's messages keep their order: behind a dead letter or a message waiting for its version.
      const behind = await this.drain.orderHeldBy(this.group, envelope.subject);
      if (behind) await this.drain.park(this.group, envelope, context, behind);
      if (behind || (await this.drain.runOrPark(this.group, envelope, context))) {
        await this.inbox.mark(this.group, envelope.id, 'PARKED');
        return { kind: 'parked' };
      }
      return { kind: 'applied', unparked: await this.drain.drain(envelope.subject) };
    });
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
