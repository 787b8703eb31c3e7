import { DataSource } from 'typeorm';
import { migrateUnderLock } from './database/migrate-under-lock';
import { projectionsDataSourceOptions } from './database/projections-data-source';
import { PROJECTIONS_SCHEMA } from './database/projections-schema';

/** The deployment's migration step for projections (deploy/production/run.ts): the read models' TypeORM migrations, nothing started. */
export async function migrate(databaseUrl: string): Promise<string[]> {
  const dataSource = new DataSource({ ...projectionsDataSourceOptions(databaseUrl), extra: { max: 2 } });
  await dataSource.initialize();
  try {
    return await migrateUnderLock(dataSource, PROJECTIONS_SCHEMA);
  } finally {
    await dataSource.destroy();
  }
}
