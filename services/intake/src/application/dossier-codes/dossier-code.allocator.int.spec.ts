import { randomBytes, randomUUID } from 'node:crypto';
import { eventStoreMigrations, migrate, PgDatabase, PgEventStore } from '@motcua/event-store';
import { DossierCodeAllocator, dossierCodeMigrations } from './dossier-code.allocator';

describe('dossier code allocation (real PostgreSQL)', () => {
  let db: PgDatabase;
  let allocator: DossierCodeAllocator;
  let store: PgEventStore;

  beforeAll(async () => {
    const schema = `intake_codes_${randomBytes(4).toString('hex')}`;
    db = PgDatabase.connect(String(process.env['DATABASE_URL']), { max: 20 });
    await migrate(db, schema, [...eventStoreMigrations, ...dossierCodeMigrations]);
    allocator = new DossierCodeAllocator(db, schema);
    store = new PgEventStore(db, schema);
  });
  afterAll(() => db.close());

  /** A submission: the code and the dossier's first event in one transaction. */
  const submit = (unit: string, fail = false) =>
    db.transaction(async () => {
      const code = await allocator.next(unit, '2025-11-22');
      await store.append(randomUUID(), [{ id: randomUUID(), type: 'DossierSubmitted', data: { code } }], { expectedVersion: 'no_stream' });
      if (fail) throw new Error('submission failed after its code was allocated');
      return code;
    });

  it('gives 200 concurrent submissions at one unit 200 distinct consecutive codes', async () => {
    const codes = await Promise.all(Array.from({ length: 200 }, () => submit('H56.22')));
    const numbers = codes.map((code) => Number(code.split('-')[2])).sort((a, b) => a - b);
    expect(new Set(codes).size).toBe(200);
    expect(numbers).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    expect(codes).toContain('H56.22-251122-0042');
  });

  it('leaves no gap when a submission rolls back, and counts each unit apart', async () => {
    expect(await submit('H56.30')).toBe('H56.30-251122-0001');
    await expect(submit('H56.30', true)).rejects.toThrow('submission failed');
    expect(await submit('H56.30')).toBe('H56.30-251122-0002');
    expect(await submit('H56.31')).toBe('H56.31-251122-0001');
  });

  it('refuses to allocate outside a transaction', async () => {
    await expect(allocator.next('H56.22', '2025-11-22')).rejects.toThrow('inside the submission transaction');
  });
});
