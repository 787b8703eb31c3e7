import { Logger } from '../logger';
import { isTransient } from '@motcua/platform';

/**
 * A consumer's hold on a partition during one batch: waits heartbeat so that the group leaves the
 * partition with this member while the database or the broker is away, and end as soon as the
 * partition is taken away (a rebalance, a stop); the next owner gets the message again.
 */
export class PartitionTurn {
  constructor(
    readonly heartbeat: () => Promise<void>,
    readonly owned: () => boolean,
    private readonly backoff: { firstMs: number; atMostMs: number },
    private readonly logger: Logger,
    private readonly group: string,
  ) {}

  /** Runs `work`, retrying infrastructure failures in place for as long as it takes; false when the partition was lost meanwhile. */
  async whileTransient(work: () => Promise<void>): Promise<boolean> {
    for (let outage = 1; ; outage++) {
      try {
        await work();
        return true;
      } catch (error) {
        if (!isTransient(error)) throw error;
        if (!this.owned()) return false;
        await this.waitOutage(error, outage);
      }
    }
  }

  /** Capped exponential backoff: an outage's length is unknown, its end must be seen soon. */
  async waitOutage(error: unknown, outage: number): Promise<void> {
    this.logger.warn({ err: error, group: this.group, outage }, 'infrastructure unavailable; retrying in place');
    await this.wait(Math.min(this.backoff.atMostMs, this.backoff.firstMs * 2 ** Math.min(outage - 1, 20)));
  }

  async wait(ms: number): Promise<void> {
    const end = Date.now() + ms;
    while (Date.now() < end && this.owned()) {
      await new Promise((resolve) => setTimeout(resolve, Math.min(1_000, end - Date.now())));
      await this.heartbeat();
    }
  }
}
