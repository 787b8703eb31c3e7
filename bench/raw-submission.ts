import { randomUUID } from 'node:crypto';
import { eventStoreMigrations, migrate, PgDatabase } from '@motcua/event-store';
import { idempotencyMigrations } from '@motcua/platform';
import { dossierCodeMigrations } from '../services/intake/src/application/dossier-codes/dossier-code.allocator';
import { applicantMigrations } from '../services/intake/src/application/submit-dossier/applicant-registry';
import { submission } from './intake-submission.bench';

const SCHEMA = 'raw_intake';

/**
 * The rows one online submission leaves, written by hand in one transaction each, on intake's own
 * tables (same migrations, same indexes): the applicant, the day's dossier number, the stream and
 * its first event, the idempotency record. What no service could do with less SQL.
 */
export async function rawSubmissions(databaseUrl: string) {
  const db = PgDatabase.connect(databaseUrl, { max: 40 });
  await migrate(db, SCHEMA, [...eventStoreMigrations, ...dossierCodeMigrations, ...applicantMigrations, ...idempotencyMigrations]);
  const submit = async (n: number) => {
    const body = submission(n);
    const dossierId = randomUUID();
    await db.transaction(async () => {
      await db.query(
        `insert into ${SCHEMA}.applicants (applicant_ref, kind, identifier, full_name, phone) values ($1, $2, $3, $4, $5)
         on conflict (applicant_ref) do update set full_name = excluded.full_name, phone = excluded.phone, updated_at = now()`,
        [`ref-${body.applicant.identifier}`, body.applicant.kind, body.applicant.identifier, body.applicant.fullName, body.applicant.phone],
      );
      const { rows } = await db.query<{ last_sequence: number }>(
        `insert into ${SCHEMA}.dossier_code_sequences (unit, local_date, last_sequence) values ($1, current_date, 1)
         on conflict (unit, local_date) do update set last_sequence = dossier_code_sequences.last_sequence + 1 returning last_sequence`,
        [body.unit],
      );
      const data = { dossierId, code: `${body.unit}-${rows[0].last_sequence}`, ...body };
      await db.query(
        `with stream as (insert into ${SCHEMA}.streams (stream_id, version) values ($1, 1))
         insert into ${SCHEMA}.events (stream_id, stream_version, event_id, event_type, data, metadata) values ($1, 1, $2, 'DossierSubmitted', $3, $4)`,
        [dossierId, randomUUID(), JSON.stringify(data), JSON.stringify({ subject: dossierId, time: new Date().toISOString() })],
      );
      await db.query(`insert into ${SCHEMA}.idempotency_keys (client, key, request_hash, response) values ($1, $2, $3, $4)`, [
        'bench-portal',
        randomUUID(),
        'hash',
        JSON.stringify({ dossierId, code: data.code, status: 'SUBMITTED' }),
      ]);
    });
  };
  return { submit, close: () => db.close() };
}
