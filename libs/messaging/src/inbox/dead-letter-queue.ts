import { DeadLetterRecord } from './dead-letters';
import { Inbox } from './inbox';
import { MessageContext } from './message-handler';
import { ParkedMessageDrain } from './parked-message-drain';
import { lockSubject } from './subject-lock';

export interface DeadLetterRequest {
  consumer: string;
  messageId: string;
  /** Who asked (an operator's id): kept with the dead letter. */
  requestedBy: string;
}

export class DeadLetterNotOpenError extends Error {
  readonly code = 'MESSAGING.DEAD_LETTER_NOT_OPEN';

  constructor(
    readonly consumer: string,
    readonly messageId: string,
  ) {
    super(`no open dead letter ${messageId} for consumer ${consumer}: it was never dead-lettered, or was already re-driven or discarded`);
    this.name = 'DeadLetterNotOpenError';
  }
}

/**
 * Applies a dead-lettered message again through its consumer's handler (once the cause is
 * mended), then the messages about its subject that waited behind it, in order, all in one
 * transaction. A failure leaves everything as it was. `drain` must have the service's handlers.
 */
export async function redriveDeadLetter(drain: ParkedMessageDrain, request: DeadLetterRequest): Promise<{ released: number }> {
  return resolve(drain, request, async (letter) => {
    const route = drain.route(letter.topic);
    const context: MessageContext = { topic: letter.topic, partition: -1, offset: '-1', headers: letter.headers };
    const envelope = route.decode ? route.decode(Buffer.from(JSON.stringify(letter.envelope))) : letter.envelope;
    await route.handle(envelope, context);
    await new Inbox(drain.db, drain.schema).mark(request.consumer, request.messageId, 'APPLIED');
    await drain.deadLetters.resolve(request.consumer, request.messageId, 'REDRIVEN', request.requestedBy);
  });
}

/** Gives a dead letter up for good, saying who and why, and applies what waited behind it. */
export async function discardDeadLetter(drain: ParkedMessageDrain, request: DeadLetterRequest & { reason: string }): Promise<{ released: number }> {
  return resolve(drain, request, async () => {
    await new Inbox(drain.db, drain.schema).mark(request.consumer, request.messageId, 'DISCARDED');
    await drain.deadLetters.resolve(request.consumer, request.messageId, 'DISCARDED', request.requestedBy, request.reason);
  });
}

async function resolve(drain: ParkedMessageDrain, request: DeadLetterRequest, settle: (letter: DeadLetterRecord) => Promise<void>): Promise<{ released: number }> {
  const { db, schema, deadLetters, parked } = drain;
  return db.transaction(async () => {
    const found = await deadLetters.find(request.consumer, request.messageId);
    if (!found || found.status !== 'OPEN') throw new DeadLetterNotOpenError(request.consumer, request.messageId);
    // The same order as the consumer's: the subject first, then the letter.
    await lockSubject(db, schema, found.subject);
    const letter = await deadLetters.find(request.consumer, request.messageId, true);
    if (letter?.status !== 'OPEN') throw new DeadLetterNotOpenError(request.consumer, request.messageId);
    await settle(letter);
    await parked.release(letter.consumer, letter.subject);
    return { released: await drain.drain(letter.subject) };
  });
}
