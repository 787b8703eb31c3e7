import { Inject, Injectable, Logger as NestLogger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { WorkingCalendar } from '@motcua/calendar';
import { dlqTopicSettings, Topics, topicSettings } from '@motcua/contracts';
import { consumerGroup, ensureTopics, KafkaPublisher, Logger } from '@motcua/messaging';
import { CONFIG, ReadinessRegistry, ServiceConfig } from '@motcua/platform';
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
  readonly consumer: ProjectionConsumer;

  constructor(
    @Inject(CONFIG) private readonly config: ServiceConfig,
    @Inject(PROJECTION_KAFKA) private readonly kafka: Kafka,
    @Inject(BATCH_FAULTS) faults: BatchFaults,
    dataSource: DataSource,
    private readonly readiness: ReadinessRegistry,
  ) {
    this.publisher = new KafkaPublisher(kafka);
    const projector = new BatchProjector(dataSource, PROJECTIONS_SCHEMA, new WorkingCalendar(), faults);
    this.consumer = new ProjectionConsumer(kafka, this.publisher, projector, { group: projectionGroup(config), topics: PROJECTED_TOPICS, logger: toLogger(new NestLogger('projections')) });
  }

  async onApplicationBootstrap(): Promise<void> {
    const group = projectionGroup(this.config);
    // Created here too (same settings, from contracts), so the services can start in any order.
    await ensureTopics(this.kafka, PROJECTED_TOPICS.flatMap((topic) => [topicSettings(topic), dlqTopicSettings(topic, group)]));
    this.readiness.register({ name: `consumer:${group}`, check: () => ({ ready: this.consumer.ready, detail: this.consumer.ready ? 'running' : 'joining' }) });
    this.consumer.startInBackground();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.consumer.stop();
    await this.publisher.close();
  }
}

function toLogger(nest: NestLogger): Logger {
  return {
    debug: (object, message) => nest.debug(object, message),
    info: (object, message) => nest.log(object, message),
    warn: (object, message) => nest.warn(object, message),
    error: (object, message) => nest.error(object, message),
  };
}
