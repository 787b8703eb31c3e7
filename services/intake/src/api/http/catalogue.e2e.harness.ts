import { randomBytes, randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Topics } from '@motcua/contracts';
import { PgDatabase } from '@motcua/event-store';
import { createServiceApp, DATABASE, mintDevToken } from '@motcua/platform';
import type { Role } from '@motcua/platform';
import { Kafka, logLevel } from 'kafkajs';
import { IntakeConfig } from '../../intake.config';
import { IntakeModule } from '../../intake.module';

/**
 * Intake on a database of its own (`createTestDatabase`: its schema name is fixed), with its own
 * consumer groups, officers' tokens and table counts.
 */
export async function startIntake(databaseUrl: string) {
  process.env['JWT_SECRET'] ??= 'intake-e2e-jwt-secret-0123456789abcdef';
  process.env['APPLICANT_REF_KEY'] = 'intake-e2e-applicant-ref-key-0123456789';
  process.env['DATABASE_URL'] = databaseUrl;
  process.env['KAFKA_GROUP_NAMESPACE'] = `catalogue-e2e-${randomUUID().slice(0, 8)}`;
  const app: NestFastifyApplication = await createServiceApp(IntakeModule, { service: 'intake', defaultPort: 0, config: IntakeConfig });
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  const db = app.get<PgDatabase>(DATABASE);
  const count = async (sql: string, values: unknown[] = []) => Number((await db.query<{ n: string }>(sql, values)).rows[0].n);
  return {
    app,
    base: `http://127.0.0.1:${port}/v1/catalogue`,
    officer: (role: Exclude<Role, 'PORTAL'>, unit = 'H56') => ({ authorization: `Bearer ${mintDevToken({ sub: `officer-${role}`, role, unit }, String(process.env['JWT_SECRET']))}` }),
    /** Rows an import writes: events, and versions of procedures whose code starts with `prefix`. */
    stored: async (codePrefix: string) => ({
      events: await count('select count(*) as n from intake.events'),
      versions: await count('select count(*) as n from intake.procedure_versions where code like $1', [`${codePrefix}%`]),
    }),
  };
}

/** Codes no other test run uses (the catalogue topic and seed data are shared). */
export const uniqueCode = (prefix: string) => `${prefix}.${randomBytes(4).toString('hex').toUpperCase()}`;

/** Reads the catalogue topic from its current end: what this test publishes, not the topic's history. */
export async function catalogueTopicReader() {
  const kafka = new Kafka({ brokers: String(process.env['KAFKA_BROKERS']).split(','), logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  const ends = await admin.fetchTopicOffsets(Topics.catalogue);
  await admin.disconnect();
  const seen: { key: string; value: string }[] = [];
  const consumer = kafka.consumer({ groupId: `catalogue-e2e-${randomUUID()}` });
  await consumer.connect();
  await consumer.subscribe({ topic: Topics.catalogue, fromBeginning: true });
  await consumer.run({ eachMessage: async ({ message }) => void seen.push({ key: String(message.key), value: String(message.value) }) });
  for (const { partition, offset } of ends) consumer.seek({ topic: Topics.catalogue, partition, offset });
  return { seen, close: () => consumer.disconnect() };
}
