import { Inject, Injectable, Logger as NestLogger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { dlqTopicSettings, Topics, topicSettings } from '@motcua/contracts';
import { BrokerMonitor, consumerGroup, consumerIndicator, ensureTopics, ensureTopicsPatiently, fromNestLogger, KafkaPublisher, TopicSpec } from '@motcua/messaging';
import { CONFIG, METRICS, ReadinessRegistry, ServiceConfig } from '@motcua/platform';
import { Registry } from 'prom-client';
import { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { BatchFaults, BatchProjector } from '../../application/project-batch/batch-projector';
import { PROJECTIONS_SCHEMA } from '../../database/projections-schema';
import { ProjectionConsumer } from './projection-consumer';

export const PROJECTION_KAFKA = Symbol('PROJECTION_KAFKA');
export const BATCH_FAULTS = Symbol('BATCH_FAULTS');

/** Every topic the read models are built from: the five services' and the catalogue. */
export const PROJECTED_TOPICS = Object.values(Topics);

export function projectionGroup(config: ServiceConfig): string {
  return consumerGroup('projections', 'read-models', config.KAFKA_GROUP_NAMESPACE);
}

/** Starts the projection consumer once the read models are migrated, and stops it with the application. */
@Injectable()
export class ProjectionRuntime implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly publisher: KafkaPublisher;
  private readonly broker: BrokerMonitor;
  private readonly stopping = new AbortController();
  private readonly logger = fromNestLogger(new NestLogger('projections'));
  readonly consumer: ProjectionConsumer;

  constructor(
    @Inject(CONFIG) private readonly config: ServiceConfig,
    @Inject(PROJECTION_KAFKA) private readonly kafka: Kafka,
    @Inject(BATCH_FAULTS) faults: BatchFaults,
    dataSource: DataSource,
    private readonly readiness: ReadinessRegistry,
    @Inject(METRICS) metrics: { registry: Registry },
  ) {
    this.publisher = new KafkaPublisher(kafka);
    this.broker = new BrokerMonitor(kafka, metrics.registry);
    const projector = new BatchProjector(dataSource, PROJECTIONS_SCHEMA, faults);
    this.consumer = new ProjectionConsumer(kafka, this.publisher, projector, { group: projectionGroup(config), topics: PROJECTED_TOPICS, logger: this.logger });
  }

  /** Whether Kafka answered the monitor's last probe (every few seconds), so a reader need not wait on a connection retry to find out. */
  get brokerUp(): boolean {
    return this.broker.status().ready;
  }

  async onApplicationBootstrap(): Promise<void> {
    const group = projectionGroup(this.config);
    // As in every service: with the broker away the lookups keep answering from PostgreSQL
    // (degraded) and the consumer catches up when it returns; the consumer away while the broker
    // answers is this instance's fault, so it is not ready.
    this.readiness.register({ name: 'kafka', role: 'optional', check: () => this.broker.status() });
    const consumer = () => ({ ready: this.consumer.ready, state: this.consumer.ready ? 'running' : 'joining', awaySince: this.consumer.awaySince });
    this.readiness.register(consumerIndicator(`consumer:${group}`, consumer, () => this.broker.status()));
    await this.broker.start();
    // Created here too (same settings, from contracts), so the services can start in any order.
    const topics = PROJECTED_TOPICS.flatMap((topic) => [topicSettings(topic), dlqTopicSettings(topic, group)]);
    const created = this.broker.status().ready && (await ensureTopics(this.kafka, topics, 3).then(() => true, () => false));
    if (created) this.consumer.startInBackground();
    else void this.startWhenTopicsExist(topics);
  }

  private async startWhenTopicsExist(topics: TopicSpec[]): Promise<void> {
    this.logger.warn({ brokers: this.broker.status().detail }, 'Kafka is not available: serving lookups; topics and the consumer start when it returns');
    const created = await ensureTopicsPatiently(this.kafka, topics, this.stopping.signal, (error, attempt) => this.logger.warn({ err: error, attempt }, 'Kafka still not available; retrying'));
    if (created && !this.stopping.signal.aborted) this.consumer.startInBackground();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping.abort();
    await this.broker.stop();
    await this.consumer.stop();
    await this.publisher.close();
  }
}

