import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { Envelope, headersOf, integrationEvents } from '@motcua/contracts';
import { connectKafka, KafkaPublisher } from '@motcua/messaging';
import { createServiceApp, mintDevToken, Role } from '@motcua/platform';
import { eventually, isolateService } from '@motcua/testing';
import { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { BatchFaults } from '../application/project-batch/batch-projector';
import { BATCH_FAULTS, ProjectionRuntime } from '../api/kafka/projection.runtime';
import { ProjectionsModule } from '../projections.module';
import { TopicEvent } from './dossier-life.fixtures';

/**
 * The projections service in-process on real PostgreSQL and Kafka: its own database and consumer
 * group, officers' and a portal's credentials, events published to the real topics as their
 * owning services publish them, and a restart on the same database and group.
 */
export class ProjectionsHarness {
  readonly kafka: Kafka = connectKafka({ brokers: String(process.env['KAFKA_BROKERS']).split(','), clientId: 'projections-test-peers' });
  readonly jwtSecret = `projections-test-jwt-${randomBytes(4).toString('hex')}-0123456789abcdef`;
  readonly portalKey = `projections-test-portal-${randomBytes(4).toString('hex')}-0123`;
  readonly otherPortalKey = `projections-other-portal-${randomBytes(4).toString('hex')}-0123`;
  private readonly publisher = new KafkaPublisher(this.kafka);
  app: NestFastifyApplication | undefined;
  base = '';
  faults: BatchFaults = {};

  async start(): Promise<this> {
    Object.assign(process.env, { JWT_SECRET: this.jwtSecret, API_KEYS: `test-portal:${this.portalKey},other-portal:${this.otherPortalKey}` });
    await isolateService('projections');
    await this.boot();
    return this;
  }

  /** A new application on the same database and consumer group. */
  async boot(): Promise<void> {
    const faults = this.faults;
    this.app = await createServiceApp(ProjectionsModule, {
      service: 'projections',
      defaultPort: 0,
      createApplication: async (module, adapter, options) =>
        (await Test.createTestingModule({ imports: [module] }).overrideProvider(BATCH_FAULTS).useValue(faults).compile()).createNestApplication<NestFastifyApplication>(adapter, options),
    });
    await this.app.listen(0, '127.0.0.1');
    this.base = `http://127.0.0.1:${(this.app.getHttpServer().address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await this.app?.close();
    this.app = undefined;
  }

  get db(): DataSource {
    return (this.app as NestFastifyApplication).get(DataSource);
  }

  get counters() {
    return (this.app as NestFastifyApplication).get(ProjectionRuntime).consumer.counters;
  }

  officer(role: Exclude<Role, 'PORTAL'>, unit: string): Record<string, string> {
    return { authorization: `Bearer ${mintDevToken({ sub: `${role.toLowerCase()}@${unit}`, role, unit }, this.jwtSecret)}` };
  }

  /** The portal `test-portal` (which submitted the fixtures' online dossiers), or with 'other' the portal `other-portal`. */
  portal(which: 'test' | 'other' = 'test'): Record<string, string> {
    return { 'x-api-key': which === 'test' ? this.portalKey : this.otherPortalKey };
  }

  /** Each event to its own topic, in the order given (the order within each topic is what Kafka keeps). */
  async publish(...events: TopicEvent[]): Promise<void> {
    for (const { topic, envelope } of events) await this.send(topic, envelope);
  }

  send(topic: string, envelope: Envelope): Promise<void> {
    return this.publisher.publish(topic, [{ key: envelope.subject, value: integrationEvents.encode(envelope), headers: headersOf(envelope) }]);
  }

  sendRaw(topic: string, key: string, value: string): Promise<void> {
    return this.publisher.publish(topic, [{ key, value, headers: {} }]);
  }

  async facts(dossierId: string): Promise<Record<string, unknown> | undefined> {
    const [row] = await this.db.query(`select * from projections.dossier_facts where dossier_id = $1`, [dossierId]);
    return row;
  }

  async timeline(dossierId: string): Promise<Record<string, unknown>[]> {
    return this.db.query(`select event_id, event_type, status_after, actor_role, service, occurred_at from projections.dossier_timeline where dossier_id = $1 order by occurred_at, event_id`, [dossierId]);
  }

  /** Waits for the dossier's row to satisfy the check (a deadline, never a fixed sleep). */
  factsEventually(dossierId: string, accept: (row: Record<string, unknown>) => boolean, what: string): Promise<Record<string, unknown> | undefined> {
    return eventually(() => this.facts(dossierId), (row) => row !== undefined && accept(row), { timeoutMs: 60_000, what });
  }

  /** Waits until every one of these events is in the read models (claimed in projected_events). */
  async projected(events: TopicEvent[], timeoutMs = 60_000): Promise<void> {
    const missing = await this.unprojected(events, timeoutMs);
    if (missing.length > 0) throw new Error(`${missing.length} of ${new Set(events.map((e) => e.envelope.id)).size} events not projected in ${timeoutMs} ms: ${missing.slice(0, 5).join(', ')}`);
  }

  /** Waits, up to `timeoutMs`, for these events to be in the read models; the ids of those still not there. */
  async unprojected(events: TopicEvent[], timeoutMs: number): Promise<string[]> {
    const ids = [...new Set(events.map((e) => e.envelope.id))];
    return eventually(() => this.missing(ids), (missing) => missing.length === 0, { timeoutMs, what: `${ids.length} events projected` }).catch(() => this.missing(ids));
  }

  private async missing(ids: string[]): Promise<string[]> {
    const rows: { event_id: string }[] = await this.db.query(`select event_id from projections.projected_events where event_id = any($1::uuid[])`, [ids]);
    const present = new Set(rows.map((r) => r.event_id));
    return ids.filter((id) => !present.has(id));
  }

  async close(): Promise<void> {
    await this.stop();
    await this.publisher.close();
  }
}
