import { Logger } from '@motcua/messaging';
import { Consumer } from 'kafkajs';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Where each partition resumes when it is assigned: right after the offset stored with the read
 * models, or at its start when none is stored. The group's committed offset is only a hint: ahead
 * of the database (a database restored from a backup, fresh read-model tables) it would skip
 * events for good; behind it, they are read again and skipped as already applied.
 *
 * kafkajs emits GROUP_JOIN once the assignment is known and before that generation's first fetch,
 * and applies a seek at the next fetch. Reading the database can take longer than the first
 * fetch, so every batch waits for the seeks; a batch fetched from the group's offset meanwhile is
 * stale once they are made, and kafkajs fetches again from the offsets sought.
 */
export class StoredPositions {
  private generation = 0;
  private positionedGeneration = 0;
  private positioned: Promise<void> = Promise.resolve();

  constructor(
    private readonly stored: (topics: string[]) => Promise<Map<string, bigint>>,
    private readonly logger: Logger,
    private readonly group: string,
    private readonly backoff = { firstMs: 200, atMostMs: 10_000 },
  ) {}

  /** On every join: positions the assigned partitions, waiting out a database that is away. */
  assigned(consumer: Consumer, assignment: Record<string, number[]>): void {
    const generation = ++this.generation;
    this.positioned = this.seekAll(consumer, assignment, generation);
  }

  /** A member that stops leaves its positioning unfinished. */
  cancel(): void {
    this.generation += 1;
  }

  /** Waits for the current assignment to be positioned, heartbeating meanwhile; false if the partition was lost first. */
  async settled(heartbeat: () => Promise<void>, owned: () => boolean): Promise<boolean> {
    if (this.positionedGeneration === this.generation) return true;
    const positioned = this.positioned.then(() => true);
    for (;;) {
      if (!owned()) return false;
      if (await Promise.race([positioned, sleep(1_000).then(() => false)])) return true;
      await heartbeat();
    }
  }

  private async seekAll(consumer: Consumer, assignment: Record<string, number[]>, generation: number): Promise<void> {
    const topics = Object.keys(assignment).filter((topic) => assignment[topic].length > 0);
    if (topics.length === 0) {
      this.positionedGeneration = generation;
      return;
    }
    let stored: Map<string, bigint> | undefined;
    for (let outage = 1; stored === undefined; outage++) {
      try {
        stored = await this.stored(topics);
      } catch (error) {
        if (generation !== this.generation) return;
        this.logger.warn({ err: error, group: this.group, outage }, 'stored offsets unavailable; the assigned partitions wait for them');
        await sleep(Math.min(this.backoff.atMostMs, this.backoff.firstMs * 2 ** Math.min(outage - 1, 20)));
      }
      if (generation !== this.generation) return;
    }
    try {
      for (const topic of topics) {
        for (const partition of assignment[topic]) {
          // None stored: offset 0. Were the start of the partition deleted, kafkajs answers the out-of-range offset with the earliest one (the subscription is from the beginning).
          const next = (stored.get(`${topic}|${partition}`) ?? -1n) + 1n;
          consumer.seek({ topic, partition, offset: next.toString() });
        }
      }
      this.positionedGeneration = generation;
    } catch (error) {
      // The member crashed or stopped meanwhile; the one that replaces it is positioned on its own join.
      this.logger.debug({ err: error, group: this.group }, 'member gone before its partitions were positioned');
    }
  }
}
