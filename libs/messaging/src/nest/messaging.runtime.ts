import { Inject, Injectable, Logger as NestLogger, OnApplicationBootstrap, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { dlqTopicSettings, integrationEvents, topicSettings } from '@motcua/contracts';
import { PgDatabase, quoteSchema } from '@motcua/event-store';
import { CONFIG, DATABASE, DomainError, METRICS, ReadinessRegistry, ServiceConfig } from '@motcua/platform';
import { Gauge, Registry } from 'prom-client';
import { Kafka } from 'kafkajs';
import { InboxConsumer } from '../inbox/inbox-consumer';
import { ParkedMessageDrain } from '../inbox/parked-message-drain';
import { registerParkedMetrics } from '../inbox/parked-metrics';
import { KafkaPublisher } from '../kafka/publisher';
import { BrokerMonitor } from '../kafka/broker-monitor';
import { consumerIndicator } from '../kafka/consumer-readiness';
import { ensureTopics, ensureTopicsPatiently, TopicSpec } from '../kafka/topics';
import { Logger } from '../logger';
import { EventRelay } from '../relay/event-relay';
import { handledInContext } from '../tracing/handled-in-context';
import { consumerGroup, KAFKA, MESSAGING_OPTIONS, MessagingOptions } from './messaging.options';
import { fromNestLogger } from './nest-logger';
import { migrateServiceSchema } from '../migrations/service-migrations';

/**
 * Runs a service's messaging: schema migrations before the app serves, then its topics, the relay
 * from its event log, and one idempotent consumer per consumed topic, each reporting readiness.
 */
@Injectable()
export class MessagingRuntime implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger: Logger = fromNestLogger(new NestLogger('messaging'));
  private readonly publisher: KafkaPublisher;
  private relay: EventRelay | undefined;
  private readonly consumers: InboxConsumer[] = [];
  private broker: BrokerMonitor | undefined;
  private parkedDrain: ParkedMessageDrain | undefined;
  private readonly stopping = new AbortController();

  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    @Inject(DATABASE) private readonly db: PgDatabase,
    @Inject(KAFKA) private readonly kafka: Kafka,
    private readonly readiness: ReadinessRegistry,
    private readonly moduleRef: ModuleRef,
    @Inject(METRICS) private readonly metrics: { registry: Registry },
    @Inject(CONFIG) private readonly config: ServiceConfig,
  ) {
    this.publisher = new KafkaPublisher(kafka);
  }

  async onModuleInit(): Promise<void> {
    await migrateServiceSchema(this.db, this.options.service, this.options.migrations);
  }

  async onApplicationBootstrap(): Promise<void> {
    const { service, publishes, alsoPublishes = [], consumes = [], partitions = 6 } = this.options;
    const group = (topic: string) => consumerGroup(service, topic, this.config.KAFKA_GROUP_NAMESPACE);
    // A service also creates the topics it consumes (same settings, from contracts), so services
    // can start in any order.
    const topics: TopicSpec[] = consumes.flatMap(({ topic }) => [topicSettings(topic, partitions), dlqTopicSettings(topic, group(topic))]);
    if (publishes) topics.push(...[publishes, ...alsoPublishes].map((topic) => topicSettings(topic, partitions)));
    // Kafka and the relay are optional for readiness: with the broker away the service still takes
    // writes (the event store is the outbox) and reports itself degraded. A consumer is too while
    // the broker is away; away while the broker answers, it is this instance's fault (consumer-readiness.ts).
    const broker = new BrokerMonitor(this.kafka, this.metrics.registry);
    this.broker = broker;
    this.readiness.register({ name: 'kafka', role: 'optional', check: () => broker.status() });
    await broker.start();

    if (publishes) {
      const relay = new EventRelay(this.db, service, this.publisher, {
        topic: publishes,
        source: `motcua/${service}`,
        translate: this.options.translate,
        logger: this.logger,
      });
      this.relay = relay;
      this.readiness.register({
        name: `relay:${publishes}`,
        role: 'optional',
        // A standby replica waiting for the relay lock is healthy: another one is publishing.
        check: () => {
          const { state, lastError } = relay.status();
          return { ready: (state === 'running' || state === 'waiting-for-lock') && !lastError, detail: lastError ?? state };
        },
      });
    }

    const drain = new ParkedMessageDrain(this.db, service, this.logger);
    this.parkedDrain = drain;
    for (const { topic, handler } of consumes) {
      const instance = this.moduleRef.get(handler, { strict: false });
      const consumer = new InboxConsumer(this.kafka, this.db, service, this.publisher, drain, {
        group: group(topic),
        topic,
        handle: (envelope, context) =>
          handledInContext(envelope, context, group(topic), () => {
            this.logger.debug({ eventId: envelope.id, type: envelope.type, topic }, 'applying');
            return instance.handle(envelope, context);
          }),
        handles: instance.handles,
        decode: (value) => integrationEvents.decode(value),
        logger: this.logger,
      });
      this.consumers.push(consumer);
      this.readiness.register(consumerIndicator(`consumer:${topic}`, () => consumer.status(), () => broker.status(), this.options.consumerGraceMs));
    }
    this.registerMetrics();
    registerParkedMetrics(this.metrics.registry, drain);

    // The relay and consumers start once the topics exist. With Kafka there, before the app
    // listens, as always; with Kafka away, in the background, for as long as the outage lasts.
    const created = broker.status().ready && (await ensureTopics(this.kafka, topics, 3).then(() => true, () => false));
    if (created) this.startKafkaWork();
    else void this.startWhenTopicsExist(topics);
  }

  /** The service's parked messages and dead letters, with its consumers' handlers (for re-driving). */
  drain(): ParkedMessageDrain {
    if (!this.parkedDrain) throw new DomainError('MESSAGING.NOT_STARTED', 'UNAVAILABLE', 'The consumers have not started yet');
    return this.parkedDrain;
  }

  /** The consumer of a consumed topic (operations' and tests' view of it). */
  consumer(topic: string): InboxConsumer | undefined {
    return this.consumers.find((consumer) => consumer.topic === topic);
  }

  private async startWhenTopicsExist(topics: TopicSpec[]): Promise<void> {
    this.logger.warn({ brokers: this.broker?.status().detail }, 'Kafka is not available: serving writes; topics, relay and consumers start when it returns');
    const created = await ensureTopicsPatiently(this.kafka, topics, this.stopping.signal, (error, attempt) =>
      this.logger.warn({ err: error, attempt }, 'Kafka still not available; retrying'),
    );
    if (created) this.startKafkaWork();
  }

  private startKafkaWork(): void {
    if (this.stopping.signal.aborted) return;
    this.relay?.start();
    for (const consumer of this.consumers) consumer.startInBackground();
  }

  /** What operations watch: per consumer group, messages by outcome; the relay's log position. */
  private registerMetrics(): void {
    const consumers = this.consumers;
    const relay = () => this.relay;
    new Gauge({
      name: 'motcua_consumer_messages',
      help: 'Messages handled since start, by consumer group and outcome',
      labelNames: ['group', 'outcome'],
      registers: [this.metrics.registry],
      collect() {
        for (const consumer of consumers) {
          for (const [outcome, value] of Object.entries(consumer.counters)) this.set({ group: consumer.status().name, outcome }, value);
        }
      },
    });
    new Gauge({
      name: 'motcua_relay_position',
      help: 'Global position of the last event the relay published',
      registers: [this.metrics.registry],
      collect() {
        this.set(Number(relay()?.status().position?.position ?? 0));
      },
    });
    new Gauge({
      name: 'motcua_consumer_lag_messages',
      help: 'Messages on the partition beyond what the consumer has settled, as of its last batch, by consumer group, topic and partition',
      labelNames: ['group', 'topic', 'partition'],
      registers: [this.metrics.registry],
      collect() {
        for (const consumer of consumers) {
          for (const [partition, lag] of consumer.lag) this.set({ group: consumer.status().name, topic: consumer.topic, partition: String(partition) }, lag);
        }
      },
    });
    new Gauge({
      name: 'motcua_events_published',
      help: 'Events the relay published since start',
      registers: [this.metrics.registry],
      collect() {
        this.set(relay()?.counters.published ?? 0);
      },
    });
    const db = this.db;
    const schema = quoteSchema(this.options.service);
    new Gauge({
      name: 'motcua_events_appended',
      help: "Events in the service's log (its last global position)",
      registers: [this.metrics.registry],
      async collect() {
        const { rows } = await db.query<{ head: string | null }>(`select max(global_position) as head from ${schema}.events`).catch(() => ({ rows: [{ head: null }] }));
        this.set(Number(rows[0]?.head ?? 0));
      },
    });
    new Gauge({
      name: 'motcua_relay_lag_events',
      help: "Events stored after the relay's checkpoint: written, not yet published",
      registers: [this.metrics.registry],
      async collect() {
        if (!relay()) return;
        const { rows } = await db
          .query<{ behind: string }>(
            `with cp as (select transaction_id, global_position from ${schema}.checkpoints where subscription like 'relay:%' order by transaction_id desc, global_position desc limit 1)
             select case when exists (select 1 from cp)
                         then (select count(*) from ${schema}.events e, cp where (e.transaction_id, e.global_position) > (cp.transaction_id, cp.global_position))
                         else (select count(*) from ${schema}.events) end as behind`,
          )
          .catch(() => ({ rows: [] as { behind: string }[] }));
        if (rows[0]) this.set(Number(rows[0].behind));
      },
    });
    new Gauge({
      name: 'motcua_relay_unpublishable_events',
      help: 'Times the relay found a stored event the broker refuses; it waits at that event (the log names its id)',
      registers: [this.metrics.registry],
      collect() {
        this.set(relay()?.counters.unpublishable ?? 0);
      },
    });
  }

  async onApplicationShutdown(): Promise<void> {
    // Not awaited: a topic creation still waiting for Kafka must not hold up a shutdown; once
    // aborted it starts nothing.
    this.stopping.abort();
    await this.broker?.stop();
    await Promise.allSettled([this.relay?.stop(), ...this.consumers.map((consumer) => consumer.stop())]);
    await this.publisher.close();
  }
}

