import { LogPosition, PartlyHandledError, RecordedEvent } from '@motcua/event-store';

/** The broker refuses this one stored event by itself (larger than the topic takes, say). */
export class UnpublishableEventError extends Error {
  readonly code = 'RELAY.UNPUBLISHABLE_EVENT';

  constructor(
    readonly eventId: string,
    readonly reason: unknown,
  ) {
    // Names the event by id only: its data may carry what no log should.
    super(`the broker refuses stored event ${eventId}: ${reason instanceof Error ? reason.message : String(reason)}`);
    this.name = 'UnpublishableEventError';
  }
}

/**
 * Sends `events` in order; a part the broker refuses is halved and each half sent in turn, so a
 * batch too large for one request gets through in pieces and a single event at fault is found.
 * That event stops the send: what went before it counts as handled (PartlyHandledError), it is
 * reported, and the relay waits at it rather than skip a stored event.
 */
export async function sendShrinking(
  events: RecordedEvent[],
  send: (part: RecordedEvent[]) => Promise<void>,
  onRefused: (event: RecordedEvent, error: unknown) => void,
): Promise<void> {
  let sentUpTo: LogPosition | undefined;
  const sendPart = async (part: RecordedEvent[]): Promise<void> => {
    try {
      await send(part);
      sentUpTo = part[part.length - 1].log;
    } catch (error) {
      if (part.length === 1) {
        const [event] = part;
        if (!isRefusal(error)) throw new PartlyHandledError(sentUpTo, error);
        onRefused(event, error);
        throw new PartlyHandledError(sentUpTo, new UnpublishableEventError(event.id, error));
      }
      const half = Math.ceil(part.length / 2);
      await sendPart(part.slice(0, half));
      await sendPart(part.slice(half));
    }
  };
  await sendPart(events);
}

/**
 * A broker's deterministic refusal (kafkajs: a protocol error it will not retry, such as
 * MESSAGE_TOO_LARGE), as opposed to an outage, which is retried as it is.
 */
function isRefusal(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    const e = current as { name?: string; retriable?: boolean; originalError?: unknown; cause?: unknown };
    if (e.name === 'KafkaJSProtocolError' && e.retriable === false) return true;
    current = e.originalError ?? e.cause;
  }
  return false;
}
