import { createTestDatabase } from '@motcua/testing';
import { DataSource } from 'typeorm';
import { migrateUnderLock } from './migrate-under-lock';
import { projectionEntities, projectionMigrations, projectionsDataSourceOptions } from './projections-data-source';

describe('read model migrations (real PostgreSQL)', () => {
  const sources: DataSource[] = [];
  afterAll(() => Promise.all(sources.map((source) => source.destroy())));

  const open = async (url: string) => {
    const source = await new DataSource(projectionsDataSourceOptions(url)).initialize();
    sources.push(source);
    return source;
  };

  it('replicas starting together apply each migration once, and every table and column is commented', async () => {
    const url = await createTestDatabase('projections_migrations');
    const replicas = await Promise.all([open(url), open(url), open(url)]);
    const applied = await Promise.all(replicas.map((replica) => migrateUnderLock(replica, 'projections')));
    // Every migration the data source lists, each applied by exactly one of the three.
    const listed = projectionMigrations.map((migration) => new migration().name ?? migration.name);
    expect(listed.length).toBeGreaterThanOrEqual(8);
    expect(applied.flat().sort()).toEqual([...listed].sort());

    const uncommented = await replicas[0].query(`
      select c.relname || coalesce('.' || a.attname, '') as name
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
        left join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
       where n.nspname = 'projections' and c.relkind in ('r', 'v') and c.relname <> 'typeorm_migrations'
         and col_description(c.oid, coalesce(a.attnum, 0)) is null and (a.attnum is not null or obj_description(c.oid) is null)`);
    expect(uncommented).toEqual([]);
    // Each entity reads its table: a column the entity names and the migration forgot fails here.
    for (const entity of projectionEntities) await expect(replicas[0].getRepository(entity).find({ take: 1 })).resolves.toEqual([]);
  });
});
