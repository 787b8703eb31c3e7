import { randomBytes, randomUUID } from 'node:crypto';
import { eventStoreMigrations, migrate, PgDatabase, PgEventStore } from '@motcua/event-store';
import { IdempotencyKeyReusedError, idempotencyMigrations, IdempotentRequests, requestHash } from './idempotency';

describe('IdempotentRequests (real PostgreSQL)', () => {
  let db: PgDatabase;
  let requests: IdempotentRequests;
  let store: PgEventStore;
  let schema: string;

  beforeAll(async () => {
    schema = `idem_${randomBytes(4).toString('hex')}`;
    db = PgDatabase.connect(String(process.env['DATABASE_URL']), { max: 20 });
    await migrate(db, schema, [...eventStoreMigrations, ...idempotencyMigrations]);
    requests = new IdempotentRequests(db, schema);
    store = new PgEventStore(db, schema);
  });
  afterAll(() => db.close());

  const eventCount = async () => Number((await db.query<{ n: string }>(`select count(*) as n from "${schema}".events`)).rows[0].n);
  const submit = (body: { procedure: string }) => async () => {
    const dossierId = randomUUID();
    await store.append(dossierId, [{ id: randomUUID(), type: 'DossierSubmitted', data: body }], { expectedVersion: 'no_stream' });
    return { dossierId };
  };

  it('answers a repeat with the first answer and stores nothing new', async () => {
    const key = randomUUID();
    const first = await requests.run('portal-a', key, { procedure: 'x' }, submit({ procedure: 'x' }));
    const before = await eventCount();
    const again = await requests.run('portal-a', key, { procedure: 'x' }, submit({ procedure: 'x' }));
    expect(first.replayed).toBe(false);
    expect(again).toEqual({ response: first.response, replayed: true });
    expect(await eventCount()).toBe(before);
  });

  it('refuses the same key with another body (422) and stores nothing', async () => {
    const key = randomUUID();
    await requests.run('portal-a', key, { procedure: 'x' }, submit({ procedure: 'x' }));
    const before = await eventCount();
    await expect(requests.run('portal-a', key, { procedure: 'y' }, submit({ procedure: 'y' }))).rejects.toBeInstanceOf(IdempotencyKeyReusedError);
    expect(await eventCount()).toBe(before);
  });

  it('keeps keys per client', async () => {
    const key = randomUUID();
    const a = await requests.run('portal-a', key, { procedure: 'x' }, submit({ procedure: 'x' }));
    const b = await requests.run('portal-b', key, { procedure: 'x' }, submit({ procedure: 'x' }));
    expect(b.response).not.toEqual(a.response);
  });

  it('lets one of ten concurrent identical requests do the work; all get its answer', async () => {
    const key = randomUUID();
    const before = await eventCount();
    const answers = await Promise.all(Array.from({ length: 10 }, () => requests.run('portal-a', key, { procedure: 'z' }, submit({ procedure: 'z' }))));
    expect(new Set(answers.map((a) => JSON.stringify(a.response))).size).toBe(1);
    expect(answers.filter((a) => !a.replayed)).toHaveLength(1);
    expect(await eventCount()).toBe(before + 1);
  });

  it('hashes bodies regardless of key order', () => {
    expect(requestHash({ a: 1, b: { c: [1, 2], d: 'x' } })).toBe(requestHash({ b: { d: 'x', c: [1, 2] }, a: 1 }));
    expect(requestHash({ a: 1 })).not.toBe(requestHash({ a: 2 }));
  });
});
