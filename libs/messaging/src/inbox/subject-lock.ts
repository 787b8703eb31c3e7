import { advisoryKey, PgDatabase } from '@motcua/event-store';

/**
 * Applies one subject's messages one at a time across a service's consumers and replicas, until
 * the transaction ends. Without it, a message parked because its subject was unknown could commit
 * just after another consumer's transaction, making the subject known, had drained the park
 * (neither saw the other's uncommitted row), and would wait for a message that may never come.
 * The key holds the service's schema: services sharing a database never wait for each other.
 */
export async function lockSubject(db: PgDatabase, schema: string, subject: string): Promise<void> {
  await db.query('select pg_advisory_xact_lock($1::bigint)', [advisoryKey('motcua.inbox.subject', schema, subject)]);
}

/** Several subjects at once, in key order, so that two transactions locking overlapping sets cannot deadlock. */
export async function lockSubjects(db: PgDatabase, schema: string, subjects: string[]): Promise<void> {
  const keys = subjects.map((subject) => advisoryKey('motcua.inbox.subject', schema, subject));
  await db.query('select pg_advisory_xact_lock(key) from (select unnest($1::bigint[]) as key order by 1) as keys', [keys]);
}
