import { randomBytes, randomUUID } from 'node:crypto';
import { Topics } from '@motcua/contracts';
import type { Role } from '@motcua/platform';
import { startInProcessService } from '@motcua/testing';
import { Kafka, logLevel } from 'kafkajs';
import { IntakeConfig } from '../../intake.config';
import { IntakeModule } from '../../intake.module';

/**
 * Intake on a database of its own (`createTestDatabase`: its schema name is fixed), with its own
 * consumer groups, officers' tokens and table counts.
 */
export async function startIntake(databaseUrl: string) {
  const h = await startInProcessService(IntakeModule, {
    service: 'intake',
    config: IntakeConfig,
    isolate: { databaseUrl, groupNamespace: `catalogue-e2e-${randomUUID().slice(0, 8)}` },
    env: { APPLICANT_REF_KEY: 'intake-e2e-applicant-ref-key-0123456789' },
  });
  return {
    app: h.app,
    base: `${h.base}/catalogue`,
    close: () => h.close(),
    officer: (role: Exclude<Role, 'PORTAL'>, unit = 'H56') => h.officer(role, unit, `officer-${role}`),
    portal: () => h.portal(),
    /** Rows an import writes: events, and versions of procedures whose code starts with `prefix`. */
    stored: async (codePrefix: string) => ({
      events: await h.count('select count(*) as n from intake.events'),
      versions: await h.count('select count(*) as n from intake.procedure_versions where code like $1', [`${codePrefix}%`]),
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
