import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/**
 * A database of its own on the run's PostgreSQL server, for a test that starts services whose
 * schemas are fixed (`intake`, `processing`): counts of what they stored then see that test only.
 */
export async function createTestDatabase(prefix: string): Promise<string> {
  const base = new URL(String(process.env['DATABASE_URL']));
  const name = `${prefix}_${randomBytes(4).toString('hex')}`.toLowerCase();
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`'${name}' is not a plain database name`);
  const admin = new Client({ connectionString: base.toString() });
  await admin.connect();
  try {
    await admin.query(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  base.pathname = `/${name}`;
  return base.toString();
}

/**
 * For a test that runs a service in its own process space: its own database and its own consumer
 * groups, so no other test's app shares its partitions or sees its rows. Returns the database URL.
 */
export async function isolateService(prefix: string): Promise<string> {
  const url = await createTestDatabase(prefix);
  process.env['DATABASE_URL'] = url;
  process.env['KAFKA_GROUP_NAMESPACE'] = `${prefix.replace(/_/g, '-')}-${randomBytes(4).toString('hex')}`;
  return url;
}
