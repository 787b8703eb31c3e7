import { PgDatabase } from '@motcua/event-store';
import { Client } from 'pg';

export const DATABASE = Symbol('DATABASE');

/** The database cannot be reached; the message names where, never the password. */
export class DatabaseUnavailableError extends Error {
  constructor(url: string, cause: unknown) {
    super(`Cannot connect to PostgreSQL at ${describeTarget(url)} (DATABASE_URL): ${reasonOf(cause)}`);
    this.name = 'DatabaseUnavailableError';
  }
}

/** Fails fast at start with one clear line instead of a stack on the first request. */
export async function checkDatabase(url: string, timeoutMs = 10_000): Promise<void> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('select 1');
  } catch (error) {
    throw new DatabaseUnavailableError(url, error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

export function openDatabase(url: string): PgDatabase {
  return PgDatabase.connect(url, { max: 20 });
}

function describeTarget(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`;
  } catch {
    return '(unparseable URL)';
  }
}

function reasonOf(cause: unknown): string {
  const code = (cause as { code?: string } | null)?.code;
  const known: Record<string, string> = {
    ECONNREFUSED: 'connection refused',
    ENOTFOUND: 'host not found',
    ETIMEDOUT: 'timed out',
    '28P01': 'password authentication failed',
    '28000': 'authorisation refused',
    '3D000': 'database does not exist',
  };
  if (code && known[code]) return known[code];
  const message = cause instanceof Error ? cause.message : String(cause);
  return message.replace(/\/\/[^@\s]*@/g, '//***@');
}
