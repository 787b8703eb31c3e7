import type { IndicatorInput } from './indicator-input';

/**
 * The indicator columns of `dossier_facts`, as the integration spec creates them in a schema of
 * its own. The projections' migration owns the real table (with more columns); these names and
 * types are the contract the SQL form reads.
 */
export const DOSSIER_FACTS_DDL = `
CREATE TABLE dossier_facts (
  dossier_id uuid PRIMARY KEY,
  code text NOT NULL,
  unit text NOT NULL,
  successor_unit text NOT NULL,
  department text,
  procedure_code text NOT NULL,
  field text NOT NULL,
  channel text NOT NULL,
  processing_time_unit text NOT NULL,
  returns_document boolean NOT NULL,
  e_result_allowed boolean NOT NULL,
  fee_bearing boolean NOT NULL,
  fee_assessed bigint,
  paid_online boolean NOT NULL,
  received_at timestamptz,
  resolved_at timestamptz,
  result_issued_at timestamptz,
  stopped_at timestamptz,
  rejected_at timestamptz,
  withdrawn_at timestamptz,
  due_history jsonb NOT NULL,
  supplement_requests jsonb NOT NULL,
  payment_wait_from timestamptz,
  payment_wait_until timestamptz,
  resolution_working_minutes integer,
  finished_on_time boolean,
  working_day_minutes integer NOT NULL,
  all_electronic boolean NOT NULL,
  e_result boolean NOT NULL,
  reused boolean NOT NULL
)`;

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** One multi-row insert: every field under its snake_case column, instants as ISO strings. */
export async function insertFacts(client: { query(text: string, values: unknown[]): Promise<unknown> }, dossiers: IndicatorInput[]): Promise<void> {
  const rows = dossiers.map((d) => Object.fromEntries(Object.entries(d).map(([key, value]) => [snake(key), value])));
  await client.query(
    `INSERT INTO dossier_facts SELECT * FROM jsonb_populate_recordset(NULL::dossier_facts, $1::jsonb)`,
    [JSON.stringify(rows)],
  );
}
