import { createTestDatabase } from '@motcua/testing';
import { DataSource } from 'typeorm';
import { migrateUnderLock } from './migrate-under-lock';
import { projectionEntities, projectionsDataSourceOptions } from './projections-data-source';

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
    expect(applied.flat().sort()).toEqual(['Catalogue1764633600003', 'ConsumedOffsets1764633600004', 'DossierFacts1764633600001', 'DossierTimeline1764633600002', 'IndicatorViews1764633600005', 'DossierPortal1764633600006', 'IndicatorIndexes1764633600007'].sort());

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
