import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Envelope, headersOf, integrationEvents, Topics, topicSettings } from '@motcua/contracts';
import { EventStore, PgDatabase } from '@motcua/event-store';
import { connectKafka, ensureTopics, EVENT_STORE, KafkaPublisher } from '@motcua/messaging';
import { createServiceApp, DATABASE, mintDevToken, Role } from '@motcua/platform';
import { Kafka } from 'kafkajs';
import { DigitisationConfig } from '../digitisation.config';
import { DigitisationModule } from '../digitisation.module';

export const PORTAL_KEY = 'digitisation-test-portal-key-0123456789';
export const APPLICANT_REF_KEY = 'digitisation-test-applicant-ref-key-0123456789';
export const MAX_BYTES = 64 * 1024;
/** Other specs' apps may hold a shared partition until their session times out: allow for one such stall. */
export const KAFKA_WAIT = { timeoutMs: 60_000 };

/**
 * The digitisation service in-process on its own database, consumer groups and documents
 * directory, with real PostgreSQL and Kafka; the other services' events are published as they
 * would publish them (envelopes from libs/contracts).
 */
/** What the harness needs from the shared test kit (libs/testing), passed in by the specs that may import it. */
export interface TestKit {
  isolateService(prefix: string): Promise<string>;
  freePort(): Promise<number>;
  eventually<T>(probe: () => Promise<T>, accept: (value: T) => boolean, options: { timeoutMs?: number; what?: string }): Promise<T>;
}

export class DigitisationHarness {
  constructor(private readonly kit: TestKit) {}

  app!: NestFastifyApplication;
  base!: string;
  documentsDir!: string;
  kafka!: Kafka;
  private publisher!: KafkaPublisher;

  async start(prefix: string): Promise<void> {
    process.env['JWT_SECRET'] = 'digitisation-test-jwt-secret-0123456789abc';
    process.env['API_KEYS'] = `test-portal:${PORTAL_KEY}`;
    process.env['APPLICANT_REF_KEY'] = APPLICANT_REF_KEY;
    process.env['DOCUMENT_MAX_BYTES'] = String(MAX_BYTES);
    this.documentsDir = await mkdtemp(join(tmpdir(), `${prefix}-documents-`));
    process.env['DOCUMENTS_DIR'] = this.documentsDir;
    await this.kit.isolateService(prefix);
    this.kafka = connectKafka({ brokers: String(process.env['KAFKA_BROKERS']).split(','), clientId: 'digitisation-test' });
    await ensureTopics(this.kafka, [topicSettings(Topics.intake, 3), topicSettings(Topics.issuance, 3)]);
    this.publisher = new KafkaPublisher(this.kafka);
    this.app = await createServiceApp(DigitisationModule, { service: 'digitisation', defaultPort: 0, config: DigitisationConfig, multipart: true });
    const port = await this.kit.freePort();
    await this.app.listen(port, '127.0.0.1');
    this.base = `http://127.0.0.1:${port}/v1`;
  }

  async stop(): Promise<void> {
    await this.publisher?.close();
    await this.app?.close();
    await rm(this.documentsDir, { recursive: true, force: true });
  }

  get store(): EventStore {
    return this.app.get<EventStore>(EVENT_STORE);
  }

  get db(): PgDatabase {
    return this.app.get<PgDatabase>(DATABASE);
  }

  portal = () => ({ 'x-api-key': PORTAL_KEY, 'idempotency-key': randomUUID() });
  officer = (role: Exclude<Role, 'PORTAL'>, unit: string) => ({
    authorization: `Bearer ${mintDevToken({ sub: `${role.toLowerCase()}@${unit}`, role, unit }, String(process.env['JWT_SECRET']))}`,
  });

  async publish(topic: string, ...envelopes: Envelope[]): Promise<void> {
    await this.publisher.publish(topic, envelopes.map((e) => ({ key: e.subject, value: integrationEvents.encode(e), headers: headersOf(e) })));
  }

  /** Every file under the documents directory (staging included). */
  async files(): Promise<string[]> {
    const entries = await readdir(this.documentsDir, { recursive: true, withFileTypes: true });
    return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
  }

  async count(table: string): Promise<number> {
    return Number((await this.db.query<{ n: string }>(`select count(*) as n from digitisation.${table}`)).rows[0].n);
  }

  /**
   * Digitisation's topic as a consumer sees it, for these keys, until `done`. Other tests' apps
   * publish there too: ours are the events this app stored.
   */
  async published(keys: string[], done: (types: string[]) => boolean): Promise<Envelope[]> {
    const { rows } = await this.db.query<{ event_id: string }>(`select event_id from digitisation.events where metadata->>'subject' = any($1)`, [keys]);
    const ours = new Set(rows.map((r) => r.event_id));
    const seen: Envelope[] = [];
    const consumer = this.kafka.consumer({ groupId: `reader-${randomUUID()}` });
    await consumer.connect();
    await consumer.subscribe({ topic: Topics.digitisation, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        if (!keys.includes(String(message.key))) return;
        const envelope = integrationEvents.decode(message.value ?? '');
        if (ours.has(envelope.id)) seen.push(envelope);
      },
    });
    try {
      await this.kit.eventually(async () => seen.map((e) => e.type), done, { ...KAFKA_WAIT, what: `digitisation's events for ${keys.join(', ')}` });
      return seen;
    } finally {
      await consumer.disconnect();
    }
  }
}

/** A multipart body: the file (with its declared type) and the other fields. */
export function form(bytes: Buffer, type: string, fields: Record<string, string> = {}, filename = 'document'): FormData {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.append(name, value);
  body.append('file', new Blob([bytes], { type }), filename);
  return body;
}

export const pdf = (text: string, size = 2000) => Buffer.concat([Buffer.from(`%PDF-1.7\n% ${text}\n`), Buffer.alloc(size, 0x20)]);
export const png = (size = 500) => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(size, 1)]);
