import { PgDatabase, quoteSchema } from '@motcua/event-store';
import type { Migration } from '@motcua/event-store';
import { DomainError } from '@motcua/platform/errors';
import { ProcedureVersion, versionInForce } from '../../domain/catalogue/procedure';

export const catalogueMigrations: Migration[] = [
  {
    id: 'intake/002_procedure_versions',
    up: (s) => `
      create table ${s}.procedure_versions (
        code text not null,
        version integer not null check (version >= 1),
        effective_from timestamptz not null,
        retired_at timestamptz,
        definition jsonb not null,
        primary key (code, version)
      );
      comment on table ${s}.procedure_versions is 'Every version of every procedure; a dossier is handled under the version in force at its reception.';
    `,
  },
];

export class ProcedureNotFoundError extends DomainError {
  constructor(code: string) {
    super('PROCEDURE.NOT_FOUND', 'RULE', `No procedure ${code} is in force`, [{ field: 'procedureCode', message: 'unknown procedure' }]);
  }
}

/** The procedure catalogue in intake's schema, as the desk reads it (changes: CatalogueWriter). */
export class ProcedureCatalogue {
  private readonly s: string;

  constructor(
    private readonly db: PgDatabase,
    schema: string,
  ) {
    this.s = quoteSchema(schema);
  }

  async inForce(code: string, at: Date): Promise<ProcedureVersion> {
    const { rows } = await this.db.query<{ definition: ProcedureVersion }>(`select definition from ${this.s}.procedure_versions where code = $1`, [code]);
    const version = versionInForce(rows.map((r) => r.definition), at);
    if (!version) throw new ProcedureNotFoundError(code);
    return version;
  }
}
