import { eventStoreMigrations, migrate, PgDatabase, PgEventStore } from '@motcua/event-store';
import { clockFrom } from '@motcua/platform';
import { uniqueName } from '@motcua/testing';
import { catalogueUnitMigrations, reorganisationMigrations } from './catalogue.migrations';
import { CatalogueProjection } from './catalogue.projection';
import { CatalogueWriter } from './catalogue.writer';
import { catalogueMigrations, ProcedureCatalogue } from './procedure-catalogue';
import { seedInto } from './seed-into';
import { UnitDirectoryReader } from './unit-directory';
import { SEED_PROCEDURES } from './seed/procedures.seed';
import { SEED_UNITS } from './seed/units.seed';

describe('seeding the catalogue (real PostgreSQL)', () => {
  const schema = uniqueName('seed_catalogue');
  const db = PgDatabase.connect(String(process.env['DATABASE_URL']));
  const writer = new CatalogueWriter(db, new PgEventStore(db, schema), clockFrom({}), new CatalogueProjection(db, schema), new UnitDirectoryReader(db, schema));
  const problems: string[] = [];
  const seed = () => writer.run((changes) => seedInto(changes, { units: SEED_UNITS, procedures: SEED_PROCEDURES }, (what, problem) => problems.push(`${what}: ${problem}`)), { exclusive: `seed.${schema}` });
  const count = async (table: string) => Number((await db.query<{ n: string }>(`select count(*) as n from "${schema}".${table}`)).rows[0].n);

  beforeAll(() => migrate(db, schema, [...eventStoreMigrations, ...catalogueMigrations, ...catalogueUnitMigrations, ...reorganisationMigrations]));
  afterAll(() => db.close());

  it('adds everything once when two replicas seed at once, and nothing on a restart', async () => {
    // A version the service stored before the catalogue was event-sourced: the event takes its place.
    const legacy = SEED_PROCEDURES.find((v) => v.version === 1) ?? SEED_PROCEDURES[0];
    await db.query(`insert into "${schema}".procedure_versions (code, version, effective_from, definition, name_key) values ($1, $2, $3, $4, 'stale copy')`, [
      legacy.code,
      legacy.version,
      legacy.effectiveFrom,
      JSON.stringify({ ...legacy, name: 'stale copy' }),
    ]);

    const [first, second] = await Promise.all([seed(), seed()]);
    expect(problems).toEqual([]);
    expect(first.units + second.units).toBe(SEED_UNITS.length);
    expect(first.versions + second.versions).toBe(SEED_PROCEDURES.length);
    expect(Math.min(first.units + first.versions, second.units + second.versions)).toBe(0);

    const retirements = new Set(SEED_PROCEDURES.filter((v) => v.retiredAt && !SEED_PROCEDURES.some((o) => o.code === v.code && o.version > v.version)).map((v) => v.code)).size;
    const stored = { events: await count('events'), units: await count('units'), versions: await count('procedure_versions') };
    expect(stored).toEqual({ events: SEED_UNITS.length + SEED_PROCEDURES.length + retirements, units: SEED_UNITS.length, versions: SEED_PROCEDURES.length });

    expect(await seed()).toEqual({ units: 0, versions: 0 });
    expect(await count('events')).toBe(stored.events);
    const restored = await new ProcedureCatalogue(db, schema).inForce(legacy.code, new Date(Date.parse(legacy.effectiveFrom) + 1));
    expect(restored.name).not.toBe('stale copy');
  });
});
