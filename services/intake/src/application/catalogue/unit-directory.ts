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
    sample: r.sample,
    successors: r.successors,
  };
}
