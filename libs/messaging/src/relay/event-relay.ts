import { CatchUpSubscription, PgDatabase, RecordedEvent, SubscriptionStatus } from '@motcua/event-store';
import { Logger, silentLogger } from '../logger';
import { EventPublisher, OutgoingMessage } from '../kafka/publisher';
import { publishTraced } from '../tracing/traced-publish';
import { sendShrinking } from './shrinking-send';
import { toOutgoingMessage } from './to-outgoing-message';

export interface RelayOptions {
  /** The service's topic, e.g. motcua.intake.events.v1: where messages go unless they name their own. */
  topic: string;
  /** CloudEvents `source`, e.g. motcua/intake. */
  source: string;
  batchSize?: number;
  /** Which stored events leave the service, and in which integration shape. */
  translate?(event: RecordedEvent, source: string): OutgoingMessage | undefined;
  logger?: Logger;
  /** Only for the test that shows what a naive reader misses. */
  read?: ConstructorParameters<typeof CatchUpSubscription>[2]['read'];
}

/**
 * Tails the service's event log in gap-safe order and publishes it to the service's topic (or the
 * topic a translated message names, in the same request): one sendBatch per batch read, with no
 * transaction open while the broker is slow, then the checkpoint moves (compare-and-set, on the
 * lock's session) once the broker has acknowledged. The event store is the outbox: nothing
 * unstored is published and nothing stored is lost; a relay that lost its lock mid-batch may
 * publish that batch again (same event ids: consumers deduplicate). One relay per service runs at
 * a time (advisory lock).
 */
export class EventRelay {
  private readonly subscription: CatchUpSubscription;
  /** Times a stored event was found that the broker refuses by itself (see the log line naming it). */
  readonly counters = { unpublishable: 0, published: 0 };

  constructor(db: PgDatabase, schema: string, publisher: EventPublisher, options: RelayOptions) {
    const logger = options.logger ?? silentLogger;
    const translate = options.translate ?? toOutgoingMessage;
    this.subscription = new CatchUpSubscription(db, schema, {
      name: `relay:${options.topic}`,
      delivery: 'at-least-once',
      batchSize: options.batchSize ?? 500,
      read: options.read,
      handle: (events) =>
        sendShrinking(
          events,
          (part) => publishTraced(options.topic, part, (event) => translate(event, options.source), async (messages) => {
            await publisher.publish(options.topic, messages);
            this.counters.published += messages.length;
          }),
          (event, error) => {
            this.counters.unpublishable += 1;
            const message = translate(event, options.source);
            const bytes = message ? Buffer.byteLength(message.value) : 0;
            // The id, type and size only, never the data; the relay stays at this event.
            logger.error({ err: error, eventId: event.id, type: event.type, bytes, topic: options.topic }, 'the broker refuses this stored event; the relay waits at it');
          },
        ),
      onError: (error, attempt) =>
        logger.warn({ err: error, attempt, topic: options.topic }, 'relay batch failed; retrying from the same checkpoint'),
    });
  }

  start(): void {
    this.subscription.start();
  }

  stop(): Promise<void> {
    return this.subscription.stop();
  }

  status(): SubscriptionStatus {
    return this.subscription.status();
  }
}
