import { Kafka } from 'kafkajs';
import { PgDatabase } from '@motcua/event-store';
import { connectKafka } from '@motcua/messaging';

/** An expected failure (a broker or database away, a bad argument): one line on stderr, no stack. */
export class OpsError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'OpsError';
  }
}

export interface Endpoints {
  brokers: string[];
  databaseUrl?: string;
}

/** `--brokers` / `--database`, else KAFKA_BROKERS / DATABASE_URL, as every service reads them. */
export function endpoints(options: { brokers?: string; database?: string }, env: NodeJS.ProcessEnv = process.env): Endpoints {
  const brokers = (options.brokers ?? env['KAFKA_BROKERS'] ?? '').split(',').filter(Boolean);
  if (brokers.length === 0) throw new OpsError('no Kafka brokers: pass --brokers host:port or set KAFKA_BROKERS (npm start prints them)', 2);
  const databaseUrl = options.database ?? env['DATABASE_URL'];
  return { brokers, ...(databaseUrl ? { databaseUrl } : {}) };
}

/** A client that gives up quickly: an operator wants to know at once that the broker is away. */
export async function openKafka(brokers: string[]): Promise<Kafka> {
  const kafka = connectKafka({ brokers, clientId: 'motcua-ops' });
  const admin = kafka.admin();
  try {
    await admin.connect();
    await admin.listTopics();
  } catch (error) {
    throw new OpsError(`cannot reach Kafka at ${brokers.join(',')}: ${(error as Error).message}`);
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
  return kafka;
}

export async function openDatabase(url: string | undefined): Promise<PgDatabase> {
  if (!url) throw new OpsError('no database: pass --database postgres://… or set DATABASE_URL (npm start prints it)', 2);
  const db = PgDatabase.connect(url, { max: 4 });
  try {
    await db.query('select 1');
  } catch (error) {
    await db.close().catch(() => undefined);
    throw new OpsError(`cannot reach PostgreSQL at ${redact(url)}: ${(error as Error).message}`);
  }
  return db;
}

/** The URL without its password, for messages. */
export function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'the configured URL';
  }
}
