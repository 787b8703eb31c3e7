import { PgDatabase, quoteSchema } from '@motcua/event-store';
import type { IssuingBody, ProcedureFacts } from '@motcua/forms';

/**
 * What the forms print that the dossier's events do not carry: the unit's name (the catalogue of
 * units), the procedure's name for a dossier not yet received (its version in the catalogue), and
 * the applicant's name (the erasable applicants table; absent once erased).
 */
export class FormFactsReader {
  private readonly s: string;

  constructor(
    private readonly db: PgDatabase,
    schema: string,
  ) {
    this.s = quoteSchema(schema);
  }

  async unit(code: string): Promise<IssuingBody> {
    const { rows } = await this.db.query<{ name: string; parent_name: string | null }>(
      `select u.name, p.name as parent_name from ${this.s}.units u left join ${this.s}.units p on p.code = u.parent where u.code = $1`,
      [code],
    );
    const row = rows[0];
    return { code, ...(row ? { name: row.name } : {}), ...(row?.parent_name ? { parentName: row.parent_name } : {}) };
  }

  async procedure(code: string, version: number): Promise<ProcedureFacts> {
    const { rows } = await this.db.query<{ name: string | null; processing_time: ProcedureFacts['processingTime'] | null }>(
      `select definition->>'name' as name, definition->'processingTime' as processing_time from ${this.s}.procedure_versions where code = $1 and version = $2`,
      [code, version],
    );
    const row = rows[0];
    return { code, ...(row?.name ? { name: row.name } : {}), ...(row?.processing_time ? { processingTime: row.processing_time } : {}) };
  }

  async applicantName(applicantRef: string): Promise<string | undefined> {
    const { rows } = await this.db.query<{ full_name: string }>(`select full_name from ${this.s}.applicants where applicant_ref = $1`, [applicantRef]);
    return rows[0]?.full_name;
  }
}
