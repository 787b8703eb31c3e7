import { randomUUID } from 'node:crypto';
import { migrate, PgDatabase } from '@motcua/event-store';
import { createTestDatabase } from '@motcua/testing';
import { digitisationTablesMigrations } from '../projections/digitisation-tables/digitisation-tables.migrations';
import { DigitisationTablesProjection } from '../projections/digitisation-tables/digitisation-tables.projection';
import { DigitisationTasksReader, TASKS_CURSOR } from './list-tasks/list-tasks.query';
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
    expect(await new DigitisationTasksReader(db, schema).of('H56.22', { limit: 50 })).toEqual({ items: [{ kind: 'COMPONENT', dossierId, code: 'H56.22-250303-0001', componentId: 'form', name: 'Tờ khai', since: at }], next: null });
    expect(await new RepositoryReader(db, schema).of(applicantRef)).toEqual([
      { documentId, name: 'CCCD', source: 'ELECTRONIC', mediaType: 'application/pdf', bytes: 10, sha256: 'd'.repeat(64), dossierCode: 'H56.22-250303-0001', filedAt: at },
    ]);
  });

  it('pages the tasks oldest first with no task twice or missed, even with tasks opened between pages', async () => {
    const tables = new DigitisationTablesProjection(db, schema);
    const reader = new DigitisationTasksReader(db, schema);
    const open = (at: string, ...componentIds: string[]) =>
      tables.apply([
        {
          type: 'DigitisationOpened',
          data: {
            dossierId: randomUUID(),
            code: `H56.30-250303-${randomUUID().slice(0, 4)}`,
            unit: 'H56.30',
            agencies: [],
            applicantRef: 'e'.repeat(64),
            channel: 'COUNTER',
            openedAt: at,
            components: componentIds.map((componentId) => ({ componentId, name: componentId, provenance: 'PAPER' as const })),
          },
        },
      ]);
    // Several tasks share an instant: the dossier and component ids break the tie.
    await open('2025-03-03T02:00:00.000Z', 'a', 'b', 'c');
    await open('2025-03-03T02:00:00.000Z', 'a', 'b');
    await open('2025-03-04T02:00:00.000Z', 'a');
    const before = (await reader.of('H56.30', { limit: 200 })).items;
    expect(before).toHaveLength(6);
    const seen: typeof before = [];
    let after: string | null | undefined;
    do {
      const page = await reader.of('H56.30', { limit: 2, after: after ? TASKS_CURSOR.decode(after) : undefined });
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items);
      // A dossier counted in after the walk began: its newer tasks come at the end, none moves the pages.
      if (seen.length === 2) await open('2025-03-05T02:00:00.000Z', 'late');
      after = page.next;
    } while (after);
    expect(seen.slice(0, 6)).toEqual(before);
    expect(seen.map((t) => t.componentId)[6]).toBe('late');
    expect(seen.map((t) => t.since)).toEqual([...seen.map((t) => t.since)].sort());
    expect(new Set(seen.map((t) => `${t.dossierId}/${t.componentId}`)).size).toBe(7);
    expect(seen).toHaveLength(7);
  });
});
