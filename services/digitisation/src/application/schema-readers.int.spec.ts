import { randomUUID } from 'node:crypto';
import { migrate, PgDatabase } from '@motcua/event-store';
import { createTestDatabase } from '@motcua/testing';
import { digitisationTablesMigrations } from '../projections/digitisation-tables/digitisation-tables.migrations';
import { DigitisationTablesProjection } from '../projections/digitisation-tables/digitisation-tables.projection';
import { DigitisationTasksReader } from './list-tasks/list-tasks.query';
import { RepositoryReader } from './search-repository/search-repository.query';

/** The readers use the schema the module gives them, like the tables' projection does (real PostgreSQL). */
describe('task list and repository readers (PostgreSQL)', () => {
  const schema = 'digitisation_elsewhere';
  let db: PgDatabase;
  beforeAll(async () => {
    db = PgDatabase.connect(await createTestDatabase('digitisation_readers'));
    await migrate(db, schema, digitisationTablesMigrations);
  });
  afterAll(() => db.close());

  it("read the scanning tasks and the applicant's documents from the given schema", async () => {
    const tables = new DigitisationTablesProjection(db, schema);
    const dossierId = randomUUID();
    const documentId = randomUUID();
    const applicantRef = 'c'.repeat(64);
    const at = '2025-03-03T02:00:00.000Z';
    await tables.documentStored({ documentId, sha256: 'd'.repeat(64), bytes: 10, mediaType: 'application/pdf', origin: 'UPLOAD', storedAt: at }, { id: 'portal' });
    await tables.apply([
      {
        type: 'DigitisationOpened',
        data: {
          dossierId,
          code: 'H56.22-250303-0001',
          unit: 'H56.22',
          agencies: [],
          applicantRef,
          channel: 'COUNTER',
          openedAt: at,
          components: [
            { componentId: 'form', name: 'Tờ khai', provenance: 'PAPER' },
            { componentId: 'id', name: 'CCCD', provenance: 'ELECTRONIC', documentId, sha256: 'd'.repeat(64) },
          ],
        },
      },
    ]);
    expect(await new DigitisationTasksReader(db, schema).of('H56.22')).toEqual([{ kind: 'COMPONENT', dossierId, code: 'H56.22-250303-0001', componentId: 'form', name: 'Tờ khai', since: at }]);
    expect(await new RepositoryReader(db, schema).of(applicantRef)).toEqual([
      { documentId, name: 'CCCD', source: 'ELECTRONIC', mediaType: 'application/pdf', bytes: 10, sha256: 'd'.repeat(64), dossierCode: 'H56.22-250303-0001', filedAt: at },
    ]);
  });
});
