import { Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { CatchUpSubscription, PgDatabase, RecordedEvent } from '@motcua/event-store';

/**
 * A read model a service builds from its own event log: each batch is applied in the same
 * transaction as the subscription's checkpoint, so deleting the checkpoint rebuilds identical
 * tables. The application starts it and stops it; a subclass says how a batch changes its tables.
 */
export abstract class LogProjection implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly subscription: CatchUpSubscription;

  protected constructor(db: PgDatabase, schema: string, name: string) {
    const logger = new Logger(name);
    this.subscription = new CatchUpSubscription(db, schema, {
      name: `projection:${name}`,
      // The tables and the checkpoint commit together: exactly once, and a rebuild is identical.
      delivery: 'atomic',
      handle: (events) => this.apply(events),
      onError: (error, attempt) => logger.warn({ err: error, attempt }, 'projection batch failed; retrying'),
    });
  }

  protected abstract apply(events: RecordedEvent[]): Promise<void>;

  onApplicationBootstrap(): void {
    this.subscription.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.subscription.stop();
  }
}
