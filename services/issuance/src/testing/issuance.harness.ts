import { createHash, randomUUID } from 'node:crypto';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentStored, DossierResolved, Envelope, EventData, headersOf, integrationEvents, Topics, topicSettings } from '@motcua/contracts';
import { connectKafka, ensureTopics, KafkaPublisher } from '@motcua/messaging';
import { createServiceApp, mintDevToken, Role } from '@motcua/platform';
import type { AddressInfo } from 'node:net';
import { Consumer, Kafka } from 'kafkajs';
import { IssuanceConfig } from '../issuance.config';
import { IssuanceModule } from '../issuance.module';

export const PORTAL_KEY = 'issuance-test-portal-key-0123456789';

/** The environment an issuance app under test reads (its database is set by isolateService). */
export function issuanceTestEnv(): void {
  process.env['JWT_SECRET'] ??= 'issuance-test-jwt-secret-0123456789abcdef';
  process.env['API_KEYS'] = `test-portal:${PORTAL_KEY}`;
  process.env['SIGNING_KEY_SECRET'] = 'issuance-test-signing-key-secret-0123456789';
  process.env['LOG_LEVEL'] ??= 'warn';
}

export async function startIssuance(): Promise<{ app: NestFastifyApplication; base: string }> {
  const app = await createServiceApp(IssuanceModule, { service: 'issuance', defaultPort: 0, config: IssuanceConfig, multipart: true });
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return { app, base: `http://127.0.0.1:${port}/v1` };
}

export const officer = (role: Exclude<Role, 'PORTAL'>, unit: string) => ({
  authorization: `Bearer ${mintDevToken({ sub: `${role.toLowerCase()}@${unit}`, role, unit }, String(process.env['JWT_SECRET']))}`,
});
export const portal = () => ({ 'x-api-key': PORTAL_KEY });

export const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Processing's decision as it publishes it (contracts shape, sample values). */
export function dossierResolved(overrides: Partial<EventData<typeof DossierResolved>> = {}): EventData<typeof DossierResolved> {
  return {
    dossierId: randomUUID(),
    code: 'H56.22-250310-0042',
    outcome: 'APPROVED',
    resolvedAt: '2025-03-10T03:00:00.000Z',
    receivedAt: '2025-03-03T02:00:00.000Z',
    dueAt: '2025-03-17T02:00:00.000Z',
    onTime: true,
    supplementCount: 0,
    pausedWorkingMinutes: 0,
    resultDocuments: [{ documentId: `doc-${randomUUID()}`, name: 'Giấy chứng nhận' }],
    channel: 'ONLINE',
    delivery: 'ONLINE',
    applicantRef: 'a'.repeat(64),
    unit: 'H56.22',
    procedureCode: 'SAMPLE.DD.01',
    procedureVersion: 1,
    eResultAllowed: true,
    returnsDocument: true,
    decidedBy: 'leader@H56.22',
    ...overrides,
  };
}

export function documentStored(documentId: string, bytes: Buffer, storedAt = '2025-03-10T02:30:00.000Z'): EventData<typeof DocumentStored> {
  return { documentId, storedAt, sha256: sha256(bytes), mediaType: 'application/pdf', bytes: bytes.length, origin: 'RESULT' };
}

/** Stands in for processing and digitisation: real envelopes on their real topics. */
export class OtherServices {
  private readonly kafka: Kafka;
  private readonly publisher: KafkaPublisher;
  private reader: Consumer | undefined;
  /** Issuance's published events, by dossier id. */
  readonly published = new Map<string, Envelope[]>();

  constructor() {
    this.kafka = connectKafka({ brokers: String(process.env['KAFKA_BROKERS']).split(','), clientId: 'issuance-test-peers' });
    this.publisher = new KafkaPublisher(this.kafka);
  }

  async start(): Promise<void> {
    await ensureTopics(this.kafka, [topicSettings(Topics.processing, 3), topicSettings(Topics.digitisation, 3), topicSettings(Topics.issuance, 3)]);
    this.reader = this.kafka.consumer({ groupId: `issuance-test-reader-${randomUUID()}` });
    await this.reader.connect();
    await this.reader.subscribe({ topic: Topics.issuance, fromBeginning: true });
    await this.reader.run({
      eachMessage: async ({ message }) => {
        const key = String(message.key);
        this.published.set(key, [...(this.published.get(key) ?? []), integrationEvents.decode(message.value ?? '')]);
      },
    });
  }

  async resolve(data: EventData<typeof DossierResolved>): Promise<void> {
    await this.send(Topics.processing, integrationEvents.createEnvelope(DossierResolved, { source: 'motcua/processing', subject: data.dossierId, time: data.resolvedAt, data }));
  }

  async store(data: EventData<typeof DocumentStored>): Promise<void> {
    await this.send(Topics.digitisation, integrationEvents.createEnvelope(DocumentStored, { source: 'motcua/digitisation', subject: data.documentId, time: data.storedAt, data }));
  }

  async stop(): Promise<void> {
    await this.reader?.disconnect();
    await this.publisher.close();
  }

  private async send(topic: string, envelope: Envelope): Promise<void> {
    await this.publisher.publish(topic, [{ key: envelope.subject, value: integrationEvents.encode(envelope), headers: headersOf(envelope) }]);
  }
}
