import { PgDatabase, quoteSchema } from '@motcua/event-store';
import type { AdministrativeUnit } from '../../domain/catalogue/administrative-unit';
import type { UnitDirectory } from '../../domain/catalogue/catalogue.rules';

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
}

export interface UnitFilter {
  level?: AdministrativeUnit['level'];
  parent?: string;
  /** Only units that exist at this instant. */
  existingAt?: Date;
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

  async list(filter: UnitFilter = {}): Promise<AdministrativeUnit[]> {
    const { rows } = await this.db.query<UnitRow>(
      `select * from ${this.s}.units
       where ($1::text is null or level = $1) and ($2::text is null or parent = $2)
         and ($3::timestamptz is null or (valid_from <= $3 and (valid_to is null or valid_to > $3)))
       order by code`,
      [filter.level ?? null, filter.parent ?? null, filter.existingAt ?? null],
    );
    return rows.map(toUnit);
  }
}

/** A directory that also knows the units registered earlier in the same transaction. */
export function withUnits(directory: UnitDirectory, units: AdministrativeUnit[]): UnitDirectory {
  const merged = new Map(directory);
  for (const unit of units) merged.set(unit.code, unit);
  return merged;
}

function toUnit(r: UnitRow): AdministrativeUnit {
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
  };
}
