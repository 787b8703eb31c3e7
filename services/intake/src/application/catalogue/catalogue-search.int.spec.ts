import { eventStoreMigrations, migrate, PgDatabase } from '@motcua/event-store';
import { uniqueName } from '@motcua/testing';
import { searchKey } from '../../domain/catalogue/search-key';
import { catalogueUnitMigrations } from './catalogue.migrations';
import { catalogueMigrations } from './procedure-catalogue';
import { SEED_PROCEDURES } from './seed/procedures.seed';
import { SEED_UNITS } from './seed/units.seed';

describe('the search keys of rows stored before they existed (real PostgreSQL)', () => {
  const schema = uniqueName('catalogue_search');
  const db = PgDatabase.connect(String(process.env['DATABASE_URL']));
  afterAll(() => db.close());

  it('are what the service computes, for every seeded procedure and unit name, upper case too', async () => {
    const [units, search] = [catalogueUnitMigrations.slice(0, 1), catalogueUnitMigrations.slice(1)];
    expect(search.map((m) => m.id)).toEqual(['intake/005_catalogue_search']);
    await migrate(db, schema, [...eventStoreMigrations, ...catalogueMigrations, ...units]);
    const names = [...new Set([...SEED_PROCEDURES.map((v) => v.name), ...SEED_UNITS.map((u) => u.name)])];
    const stored = [...names, ...names.map((n) => n.toUpperCase())];
    await db.query(
      `insert into "${schema}".procedure_versions (code, version, effective_from, definition)
       select 'P' || i, 1, now(), jsonb_build_object('name', name) from unnest($1::text[]) with ordinality as x(name, i)`,
      [stored],
    );
    await db.query(
      `insert into "${schema}".units (code, name, level, kind, valid_from, sample, registered_at)
       select 'U' || i, name, 'COMMUNE', 'PEOPLES_COMMITTEE', now(), true, now() from unnest($1::text[]) with ordinality as x(name, i)`,
      [stored],
    );
    await migrate(db, schema, [...eventStoreMigrations, ...catalogueMigrations, ...units, ...search]);
    const keys = async (sql: string) => (await db.query<{ name: string; name_key: string }>(sql)).rows.map((r) => [r.name, r.name_key]);
    const expected = stored.map((name) => [name, searchKey(name)]).sort();
    expect((await keys(`select definition->>'name' as name, name_key from "${schema}".procedure_versions`)).sort()).toEqual(expected);
    expect((await keys(`select name, name_key from "${schema}".units`)).sort()).toEqual(expected);
  });
});
