import type { OfficePeriod } from '@motcua/calendar';
import { PgDatabase, quoteSchema } from '@motcua/event-store';
import type { AdministrativeUnit } from '../../domain/catalogue/administrative-unit';
import { UnitNotFoundError } from '../../domain/catalogue/catalogue.errors';
import type { UnitDirectory } from '../../domain/catalogue/catalogue.rules';
import { searchKey } from '../../domain/catalogue/search-key';

/** A unit as the catalogue shows it: with the units that took it over (merged it into themselves). */
export type ListedUnit = AdministrativeUnit & { successors: string[] };

interface UnitRow {
  code: string;
  name: string;
  level: AdministrativeUnit['level'];
  kind: AdministrativeUnit['kind'];
  parent: string | null;
  successor_of: string[];
  valid_from: Date;
  valid_to: Date | null;
  sample: boolean;
  merged_into: string | null;
  office_hours: OfficePeriod[] | null;
  saturday_hours: OfficePeriod[] | null;
  reorganisation_id: string | null;
  successors: string[];
}

export interface UnitFilter {
  level?: AdministrativeUnit['level'];
  parent?: string;
  /** Only units that exist at this instant. */
  existingAt?: Date;
  /** Part of the code or the name, with or without Vietnamese marks. */
  text?: string;
  /** Only the units that took this one over. */
  successorOf?: string;
}

/** The registered units, read from the `units` table. */
export class UnitDirectoryReader {
  private readonly s: string;

  constructor(
    private readonly db: PgDatabase,
    schema: string,
  ) {
    this.s = quoteSchema(schema);
  }

  /** Every unit's code and end of validity: what definitions are checked against. */
  async directory(): Promise<Map<string, Pick<AdministrativeUnit, 'code' | 'validTo'>>> {
    const { rows } = await this.db.query<{ code: string; valid_to: Date | null }>(`select code, valid_to from ${this.s}.units`);
    return new Map(rows.map((r) => [r.code, { code: r.code, ...(r.valid_to ? { validTo: r.valid_to.toISOString() } : {}) }]));
  }

  async list(filter: UnitFilter = {}): Promise<ListedUnit[]> {
    const { rows } = await this.db.query<UnitRow>(
      `${this.select}
       where ($1::text is null or u.level = $1) and ($2::text is null or u.parent = $2)
         and ($3::timestamptz is null or (u.valid_from <= $3 and (u.valid_to is null or u.valid_to > $3)))
         and ($4::text is null or position($4 in lower(u.code) || ' ' || u.name_key) > 0)
         and ($5::text is null or $5 = any(u.successor_of))
       order by u.code`,
      [filter.level ?? null, filter.parent ?? null, filter.existingAt ?? null, filter.text ? searchKey(filter.text) : null, filter.successorOf ?? null],
    );
    return rows.map(toUnit);
  }

  /**
   * What a new dossier naming `code` at `at` meets: the unit that carries it on today when a
   * merger closed it (following a chain of mergers to its end), and otherwise the units merged
   * into it, however long ago, whose procedures it now receives.
   */
  async forSubmission(code: string, at: Date): Promise<{ succeededBy?: { code: string; since: string; transitionEndsAt: string | undefined }; predecessors: string[] }> {
    const { rows } = await this.db.query<{ successor: string | null; since: Date | null; transition_ends_at: Date | null; predecessors: string[] }>(
      `with recursive successors(code, depth, since) as (
         select merged_into, 1, valid_to from ${this.s}.units where code = $1 and merged_into is not null and valid_to <= $2
         union all
         select u.merged_into, s.depth + 1, s.since from ${this.s}.units u join successors s on u.code = s.code
          where u.merged_into is not null and u.valid_to <= $2 and s.depth < 32
       ), predecessors(code, depth) as (
         select p, 1 from ${this.s}.units u cross join lateral unnest(u.successor_of) p where u.code = $1
         union
         select p, d.depth + 1 from predecessors d join ${this.s}.units u on u.code = d.code cross join lateral unnest(u.successor_of) p where d.depth < 32
       )
       select (select code from successors order by depth desc limit 1) as successor, (select since from successors limit 1) as since,
              (select r.transition_ends_at from ${this.s}.units u join ${this.s}.reorganisations r on r.id = u.reorganisation_id where u.code = $1) as transition_ends_at,
              array(select distinct code from predecessors) as predecessors`,
      [code, at],
    );
    const { successor, since, transition_ends_at: transitionEndsAt, predecessors } = rows[0];
    return { ...(successor && since ? { succeededBy: { code: successor, since: since.toISOString(), transitionEndsAt: transitionEndsAt?.toISOString() } } : {}), predecessors };
  }

  /** The unit's own office hours, or none (then the defaults): what its dossiers' due dates are computed in. */
  async officeHours(code: string): Promise<OfficePeriod[] | undefined> {
    const { rows } = await this.db.query<{ office_hours: OfficePeriod[] | null }>(`select office_hours from ${this.s}.units where code = $1`, [code]);
    return rows[0]?.office_hours ?? undefined;
  }

  async get(code: string): Promise<ListedUnit> {
    const { rows } = await this.db.query<UnitRow>(`${this.select} where u.code = $1`, [code]);
    if (rows.length === 0) throw new UnitNotFoundError(code);
    return toUnit(rows[0]);
  }

  private get select(): string {
    return `select u.*, array(select s.code from ${this.s}.units s where u.code = any(s.successor_of) order by s.code) as successors from ${this.s}.units u`;
  }
}

/** A directory that also knows the units registered earlier in the same transaction. */
export function withUnits(directory: UnitDirectory, units: AdministrativeUnit[]): UnitDirectory {
  const merged = new Map(directory);
  for (const unit of units) merged.set(unit.code, unit);
  return merged;
}

function toUnit(r: UnitRow): ListedUnit {
  return {
    code: r.code,
    name: r.name,
    level: r.level,
    kind: r.kind,
    ...(r.parent ? { parent: r.parent } : {}),
    successorOf: r.successor_of,
    validFrom: r.valid_from.toISOString(),
    ...(r.valid_to ? { validTo: r.valid_to.toISOString() } : {}),
    ...(r.office_hours ? { officeHours: r.office_hours } : {}),
    ...(r.saturday_hours ? { saturdayHours: r.saturday_hours } : {}),
    ...(r.merged_into ? { mergedInto: r.merged_into } : {}),
    ...(r.reorganisation_id ? { reorganisationId: r.reorganisation_id } : {}),
    sample: r.sample,
    successors: r.successors,
  };
}
