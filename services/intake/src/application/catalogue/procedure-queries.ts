import { PgDatabase, quoteSchema } from '@motcua/event-store';
import { ProcedureUnknownError } from '../../domain/catalogue/catalogue.errors';
import { ProcedureVersion, ServiceLevel, UnitLevel, versionInForce } from '../../domain/catalogue/procedure';
import { effectiveTo, ProcedureTerms, procedureTerms } from '../../domain/catalogue/procedure-terms';
import { searchKey } from '../../domain/catalogue/search-key';
import { CatalogueCursor, encodeCursor, ProcedureSort } from './catalogue-cursor';

export interface ProcedureFilter {
  level?: UnitLevel;
  serviceLevel?: ServiceLevel;
  field?: string;
  /** A unit that receives or handles the procedure. */
  unit?: string;
  /** Part of the code or the name, in any case, with or without Vietnamese marks. */
  text?: string;
  eResultAllowed?: boolean;
  /** true: only procedures with a version in force now; false: only those without. */
  inForce?: boolean;
  sort: ProcedureSort;
  /** Keyset paging: the page after this position (`next` of the previous page); `page` is then 1. */
  after?: CatalogueCursor;
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
  /** What applicants need under the version in force now. */
  inForce: ProcedureTerms | null;
  /** A version published to take effect later (a new fee, an online exemption from a date). */
  scheduled: ProcedureTerms | null;
}

export interface ProcedurePage {
  items: ProcedureSummary[];
  total: number;
  /** null when the page was asked for with `after`. */
  page: number | null;
  pageSize: number;
  /** Pass as `after` for the next page; null on the last one. */
  next: string | null;
}

export interface ProcedureDetail {
  code: string;
  inForceVersion: number | null;
  retiredAt: string | null;
  versions: ProcedureVersion[];
  inForce: ProcedureTerms | null;
  scheduled: ProcedureTerms | null;
}

const ORDER: Record<ProcedureSort, string> = {
  code: 'm.code collate "C"',
  name: 'm.name_key collate "C", m.code collate "C"',
};
const AFTER: Record<ProcedureSort, string> = {
  code: 'm.code collate "C" > $11::text collate "C"',
  name: '(m.name_key collate "C", m.code collate "C") > ($12::text collate "C", $11::text collate "C")',
};

/**
 * What portals and officers browse: each procedure found by its latest version, filtered and
 * paged, with the terms of the version in force now and of one scheduled to follow.
 */
export class ProcedureQueries {
  private readonly s: string;

  constructor(
    private readonly db: PgDatabase,
    schema: string,
  ) {
    this.s = quoteSchema(schema);
  }

  async list(filter: ProcedureFilter, now: Date): Promise<ProcedurePage> {
    const offset = filter.after ? 0 : (filter.page - 1) * filter.pageSize;
    const { rows } = await this.db.query<{ code: string; name_key: string; total: string }>(
      `with latest as (
         select distinct on (code) code, definition, name_key from ${this.s}.procedure_versions order by code, version desc
       ), matching as (
         select l.code, l.name_key from latest l
         where ($1::text is null or l.definition->>'level' = $1)
           and ($2::text is null or l.definition->>'serviceLevel' = $2)
           and ($3::text is null or l.definition->>'field' = $3)
           and ($4::text is null or l.definition->'units' ? $4 or l.definition->'agencies' ? $4)
           and ($5::text is null or position($5 in lower(l.code) || ' ' || l.name_key) > 0)
           and ($6::boolean is null or (l.definition->>'eResultAllowed')::boolean = $6)
           and ($7::boolean is null or exists (
             select 1 from ${this.s}.procedure_versions p
             where p.code = l.code and p.effective_from <= $8 and (p.retired_at is null or p.retired_at > $8)) = $7)
       )
       select m.code, m.name_key, (select count(*) from matching) as total
       from matching m
       where $11::text is null or ${AFTER[filter.sort]}
       order by ${ORDER[filter.sort]}
       limit $9 offset $10`,
      [
        filter.level ?? null,
        filter.serviceLevel ?? null,
        filter.field ?? null,
        filter.unit ?? null,
        filter.text ? searchKey(filter.text) : null,
        filter.eResultAllowed ?? null,
        filter.inForce ?? null,
        now,
        filter.pageSize + 1,
        offset,
        filter.after?.code ?? null,
        // The name's key only takes part in the name order's cursor.
        ...(filter.sort === 'name' ? [filter.after?.nameKey ?? null] : []),
      ],
    );
    const page = rows.slice(0, filter.pageSize);
    const versions = await this.versionsOf(page.map((r) => r.code));
    const last = page[page.length - 1];
    return {
      items: page.map((r) => summary(versions.get(r.code) ?? [], now)),
      total: rows.length > 0 ? Number(rows[0].total) : await this.count(filter, now),
      page: filter.after ? null : filter.page,
      pageSize: filter.pageSize,
      next: rows.length > filter.pageSize && last ? encodeCursor(filter.sort, { code: last.code, nameKey: last.name_key }) : null,
    };
  }

  async detail(code: string, now: Date): Promise<ProcedureDetail> {
    const versions = (await this.versionsOf([code])).get(code) ?? [];
    if (versions.length === 0) throw new ProcedureUnknownError(code);
    const { inForce, scheduled } = summary(versions, now);
    return { code, inForceVersion: versionInForce(versions, now)?.version ?? null, retiredAt: versions[versions.length - 1].retiredAt ?? null, versions, inForce, scheduled };
  }

  private async versionsOf(codes: string[]): Promise<Map<string, ProcedureVersion[]>> {
    const byCode = new Map<string, ProcedureVersion[]>();
    if (codes.length === 0) return byCode;
    const { rows } = await this.db.query<{ definition: ProcedureVersion }>(`select definition from ${this.s}.procedure_versions where code = any($1::text[]) order by code, version`, [codes]);
    for (const { definition } of rows) byCode.set(definition.code, [...(byCode.get(definition.code) ?? []), definition]);
    return byCode;
  }

  /** Only for a page past the end, where the count has no row to ride on. */
  private async count(filter: ProcedureFilter, now: Date): Promise<number> {
    if (filter.page === 1 && !filter.after) return 0;
    return (await this.list({ ...filter, after: undefined, page: 1, pageSize: 1 }, now)).total;
  }
}

/** A procedure's versions (in order) as listed: described by the latest, with the terms in force now and next. */
function summary(versions: ProcedureVersion[], now: Date): ProcedureSummary {
  const latest = versions[versions.length - 1];
  const current = versionInForce(versions, now);
  const later = versions.find((v) => v.version > (current?.version ?? 0) && Date.parse(v.effectiveFrom) > now.getTime() && (!v.retiredAt || Date.parse(v.retiredAt) > Date.parse(v.effectiveFrom)));
  return {
    code: latest.code,
    name: latest.name,
    field: latest.field,
    level: latest.level,
    serviceLevel: latest.serviceLevel,
    latestVersion: latest.version,
    inForceVersion: current?.version ?? null,
    retiredAt: latest.retiredAt ?? null,
    sample: latest.sample,
    inForce: current ? procedureTerms(current, effectiveTo(current, versions)) : null,
    scheduled: later ? procedureTerms(later, effectiveTo(later, versions)) : null,
  };
}
