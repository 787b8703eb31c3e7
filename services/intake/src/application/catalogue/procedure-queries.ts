import { PgDatabase, quoteSchema } from '@motcua/event-store';
import { ProcedureUnknownError } from '../../domain/catalogue/catalogue.errors';
import { ProcedureVersion, ServiceLevel, UnitLevel, versionInForce } from '../../domain/catalogue/procedure';

export interface ProcedureFilter {
  level?: UnitLevel;
  serviceLevel?: ServiceLevel;
  field?: string;
  /** A unit that receives or handles the procedure. */
  unit?: string;
  /** Part of the code or the name, case-insensitive. */
  text?: string;
  page: number;
  pageSize: number;
}

export interface ProcedureSummary {
  code: string;
  name: string;
  field: string;
  level: UnitLevel;
  serviceLevel: ServiceLevel;
  latestVersion: number;
  /** The version in force now; null before the first takes effect or after retirement. */
  inForceVersion: number | null;
  retiredAt: string | null;
  sample: boolean;
}

export interface ProcedurePage {
  items: ProcedureSummary[];
  total: number;
  page: number;
  pageSize: number;
}

export interface ProcedureDetail {
  code: string;
  inForceVersion: number | null;
  retiredAt: string | null;
  versions: ProcedureVersion[];
}

/** What administrators browse: each procedure described by its latest version, filtered and paged. */
export class ProcedureQueries {
  private readonly s: string;

  constructor(
    private readonly db: PgDatabase,
    schema: string,
  ) {
    this.s = quoteSchema(schema);
  }

  async list(filter: ProcedureFilter, now: Date): Promise<ProcedurePage> {
    const { rows } = await this.db.query<{ definition: ProcedureVersion; in_force: number | null; total: string }>(
      `with latest as (
         select distinct on (code) code, definition from ${this.s}.procedure_versions order by code, version desc
       )
       select l.definition, count(*) over () as total,
         (select max(p.version) from ${this.s}.procedure_versions p
          where p.code = l.code and p.effective_from <= $6 and (p.retired_at is null or p.retired_at > $6)) as in_force
       from latest l
       where ($1::text is null or l.definition->>'level' = $1)
         and ($2::text is null or l.definition->>'serviceLevel' = $2)
         and ($3::text is null or l.definition->>'field' = $3)
         and ($4::text is null or l.definition->'units' ? $4 or l.definition->'agencies' ? $4)
         and ($5::text is null or position(lower($5) in lower(l.code || ' ' || (l.definition->>'name'))) > 0)
       order by l.code
       limit $7 offset $8`,
      [filter.level ?? null, filter.serviceLevel ?? null, filter.field ?? null, filter.unit ?? null, filter.text ?? null, now, filter.pageSize, (filter.page - 1) * filter.pageSize],
    );
    return {
      items: rows.map(({ definition: d, in_force }) => ({
        code: d.code,
        name: d.name,
        field: d.field,
        level: d.level,
        serviceLevel: d.serviceLevel,
        latestVersion: d.version,
        inForceVersion: in_force,
        retiredAt: d.retiredAt ?? null,
        sample: d.sample,
      })),
      total: rows.length > 0 ? Number(rows[0].total) : await this.count(filter),
      page: filter.page,
      pageSize: filter.pageSize,
    };
  }

  async detail(code: string, now: Date): Promise<ProcedureDetail> {
    const { rows } = await this.db.query<{ definition: ProcedureVersion }>(`select definition from ${this.s}.procedure_versions where code = $1 order by version`, [code]);
    if (rows.length === 0) throw new ProcedureUnknownError(code);
    const versions = rows.map((r) => r.definition);
    return { code, inForceVersion: versionInForce(versions, now)?.version ?? null, retiredAt: versions[versions.length - 1].retiredAt ?? null, versions };
  }

  /** Only for a page past the end, where the window count has no row to ride on. */
  private async count(filter: ProcedureFilter): Promise<number> {
    if (filter.page === 1) return 0;
    return (await this.list({ ...filter, page: 1, pageSize: 1 }, new Date(0))).total;
  }
}
