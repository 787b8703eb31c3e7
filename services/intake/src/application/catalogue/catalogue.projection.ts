import { PgDatabase, quoteSchema } from '@motcua/event-store';
import type { CatalogueEvent, CatalogueEventOf } from '../../domain/catalogue/catalogue.events';
import { searchKey } from '../../domain/catalogue/search-key';

/**
 * Keeps `procedure_versions` and `units` in step with the catalogue streams. It runs inside the
 * transaction that appended the events, so a table never shows a change the log does not hold.
 * The log is the truth: a row it already has (written before the catalogue was event-sourced)
 * is overwritten by the event's.
 */
export class CatalogueProjection {
  private readonly s: string;

  constructor(
    private readonly db: PgDatabase,
    schema: string,
  ) {
    this.s = quoteSchema(schema);
  }

  async apply(events: CatalogueEvent[], recordedAt: Date): Promise<void> {
    const of = <T extends CatalogueEvent['type']>(type: T): CatalogueEventOf<T>['data'][] =>
      events.filter((e): e is CatalogueEventOf<T> => e.type === type).map((e) => e.data as CatalogueEventOf<T>['data']);
    await this.defineVersions(of('ProcedureVersionDefined'));
    for (const retired of of('ProcedureRetired')) await this.retire(retired);
    await this.registerUnits(of('AdministrativeUnitRegistered'), recordedAt);
    await this.registerUnits(of('AdministrativeUnitChanged'), recordedAt);
  }

  private async defineVersions(versions: CatalogueEventOf<'ProcedureVersionDefined'>['data'][]): Promise<void> {
    if (versions.length === 0) return;
    await this.db.query(
      `insert into ${this.s}.procedure_versions (code, version, effective_from, retired_at, definition, name_key)
       select v->>'code', (v->>'version')::int, (v->>'effectiveFrom')::timestamptz, (v->>'retiredAt')::timestamptz, v, ($2::text[])[i]
       from jsonb_array_elements($1::jsonb) with ordinality as x(v, i)
       on conflict (code, version) do update
         set effective_from = excluded.effective_from, retired_at = excluded.retired_at, definition = excluded.definition, name_key = excluded.name_key`,
      [JSON.stringify(versions), versions.map((v) => searchKey(v.name))],
    );
  }

  /** Every version ends at the retirement: none of them is in force from then on. */
  private async retire({ code, retiredAt }: CatalogueEventOf<'ProcedureRetired'>['data']): Promise<void> {
    await this.db.query(
      `update ${this.s}.procedure_versions
       set retired_at = $2::timestamptz, definition = definition || jsonb_build_object('retiredAt', $2::text)
       where code = $1 and retired_at is null`,
      [code, retiredAt],
    );
  }

  private async registerUnits(units: CatalogueEventOf<'AdministrativeUnitRegistered' | 'AdministrativeUnitChanged'>['data'][], recordedAt: Date): Promise<void> {
    if (units.length === 0) return;
    await this.db.query(
      `insert into ${this.s}.units as u (code, name, level, kind, parent, successor_of, valid_from, valid_to, sample, registered_at, name_key, merged_into, reorganisation_id, office_hours, saturday_hours)
       select x->>'code', x->>'name', x->>'level', x->>'kind', x->>'parent',
              array(select jsonb_array_elements_text(x->'successorOf')),
              (x->>'validFrom')::timestamptz, (x->>'validTo')::timestamptz, (x->>'sample')::boolean, $2, ($3::text[])[i],
              x->>'mergedInto', x->>'reorganisationId', x->'officeHours', x->'saturdayHours'
       from jsonb_array_elements($1::jsonb) with ordinality as a(x, i)
       on conflict (code) do update
         set name = excluded.name, level = excluded.level, kind = excluded.kind, parent = excluded.parent, successor_of = excluded.successor_of,
             valid_from = excluded.valid_from, valid_to = excluded.valid_to, sample = excluded.sample, name_key = excluded.name_key,
             merged_into = excluded.merged_into, reorganisation_id = excluded.reorganisation_id,
             office_hours = excluded.office_hours, saturday_hours = excluded.saturday_hours`,
      [JSON.stringify(units), recordedAt, units.map((u) => searchKey(u.name))],
    );
  }
}
