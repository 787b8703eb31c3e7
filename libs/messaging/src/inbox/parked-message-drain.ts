import type { Envelope } from '@motcua/contracts';
import { ParkedMessages, PgDatabase } from '@motcua/event-store';
import { Logger, silentLogger } from '../logger';
import { NotYetKnownError } from './errors';
import { MessageContext, MessageHandler } from './message-handler';

/**
 * Shared by all of a service's consumers: a message parked by one consumer (a payment before the
 * case exists) is applied when another consumer applies a message for the same subject.
 */
export class ParkedMessageDrain {
  private readonly handlers = new Map<string, MessageHandler>();
  private readonly parked: ParkedMessages;

  constructor(
    private readonly db: PgDatabase,
    schema: string,
    private readonly logger: Logger = silentLogger,
  ) {
    this.parked = new ParkedMessages(db, schema);
  }

  register(topic: string, handle: MessageHandler): void {
    this.handlers.set(topic, handle);
  }

  /** Runs the handler in the caller's transaction; parks the message if its subject is unknown. Returns true when parked. */
  async runOrPark(consumer: string, envelope: Envelope, context: MessageContext): Promise<boolean> {
    const handle = this.handlerFor(context.topic);
    try {
      await this.db.savepoint(() => handle(envelope, context));
      return false;
    } catch (error) {
      if (!(error instanceof NotYetKnownError)) throw error;
      await this.parked.park({
        consumer,
        subject: envelope.subject,
        messageId: envelope.id,
        topic: context.topic,
        envelope,
        headers: context.headers,
      });
      return true;
    }
  }

  /** Applies the subject's parked messages in arrival order (in the caller's transaction when there is one); those still unknown stay parked. */
  async drain(subject: string): Promise<number> {
    return this.db.transaction(async () => {
      let applied = 0;
      for (const message of await this.parked.takeForSubject(subject)) {
        const handle = this.handlers.get(message.topic);
        if (!handle) continue;
        const context: MessageContext = { topic: message.topic, partition: -1, offset: '-1', headers: message.headers };
        try {
          await this.db.savepoint(() => handle(message.envelope as Envelope, context));
          await this.parked.remove(message.id);
          applied += 1;
        } catch (error) {
          if (error instanceof NotYetKnownError) continue;
          this.logger.error({ err: error, messageId: message.messageId, topic: message.topic }, 'parked message failed; it stays parked');
        }
      }
      return applied;
    });
  }

  private handlerFor(topic: string): MessageHandler {
    const handle = this.handlers.get(topic);
    if (!handle) throw new Error(`no handler registered for topic ${topic}`);
    return handle;
  }
}
