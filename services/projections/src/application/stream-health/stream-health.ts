import { Inject, Injectable } from '@nestjs/common';
import { dlqTopic } from '@motcua/contracts';
import { CONFIG, ServiceConfig } from '@motcua/platform';
import { PROJECTED_TOPICS, ProjectionRuntime, projectionGroup } from '../../api/kafka/projection.runtime';
import { ProjectionLag } from '../projection-lag/projection-lag';
import { IndicatorTotalsLag } from '../refresh-indicator-totals/totals-lag';

export interface StreamHealth {
  /** This instance's consumer since it started (another replica counts its own); `messages` counts every one it handled (applied, skipped as already applied, duplicates, dead-lettered, ignored): throughput is its change between two reads. */
  consumer: { ready: boolean; messages: number; applied: number; batches: number; deadLettered: number; ignored: number };
  /** Whether Kafka answered the service's last probe; while not, lag and dead letters are not asked (null). */
  brokerUp: boolean;
  /** Messages on the topics not yet in the read models (every replica's shared offsets); null while the broker does not answer. */
  lag: { total: number; topics: Record<string, number> } | null;
  /** Messages on this group's dead-letter topics (kept forever, so: every one ever sent); null while the broker does not answer. */
  deadLetters: { total: number; topics: Record<string, number> } | null;
  indicatorTotalsQueued: number;
}

/** What the service itself knows of its stream: its own counters, the stored offsets against Kafka, and its dead-letter topics. */
@Injectable()
export class ReadStreamHealth {
  constructor(
    private readonly runtime: ProjectionRuntime,
    private readonly lag: ProjectionLag,
    private readonly totals: IndicatorTotalsLag,
    @Inject(CONFIG) private readonly config: ServiceConfig,
  ) {}

  async read(): Promise<StreamHealth> {
    const { consumer } = this.runtime;
    const { applied, skipped, duplicates, batches, deadLettered, ignored } = consumer.counters;
    const messages = applied + skipped + duplicates + deadLettered + ignored;
    const brokerUp = this.runtime.brokerUp;
    const [lag, deadLetters] = brokerUp ? await Promise.all([this.lagByTopic().catch(() => null), this.deadLetters().catch(() => null)]) : [null, null];
    return { brokerUp, consumer: { ready: consumer.ready, messages, applied, batches, deadLettered, ignored }, lag, deadLetters, indicatorTotalsQueued: await this.totals.queued() };
  }

  private async lagByTopic(): Promise<{ total: number; topics: Record<string, number> }> {
    const topics: Record<string, number> = {};
    for (const p of await this.lag.read()) topics[p.topic] = (topics[p.topic] ?? 0) + p.lag;
    return { total: Object.values(topics).reduce((a, b) => a + b, 0), topics };
  }

  private async deadLetters(): Promise<{ total: number; topics: Record<string, number> }> {
    const group = projectionGroup(this.config);
    // Dead-letter topics keep their messages forever (contracts' dlqTopicSettings): the count on each is every one sent.
    const counts = await this.lag.messagesOn(PROJECTED_TOPICS.map((topic) => dlqTopic(topic, group)));
    const topics = Object.fromEntries(PROJECTED_TOPICS.map((topic) => [topic, counts[dlqTopic(topic, group)] ?? 0]));
    return { total: Object.values(topics).reduce((a, b) => a + b, 0), topics };
  }
}
