import { integrationEvents } from '@motcua/contracts';
import { createTestDatabase, eventually } from '@motcua/testing';
import { ProcedureCatalogue } from '../../application/catalogue/procedure-catalogue';
import { definition } from '../../domain/catalogue/catalogue.fixtures';
import { catalogueTopicReader, startIntake, uniqueCode } from './catalogue.e2e.harness';

const DAY = 86_400_000;

describe('intake: catalogue administration over HTTP (real PostgreSQL and Kafka)', () => {
  let intake: Awaited<ReturnType<typeof startIntake>>;
  beforeAll(async () => {
    intake = await startIntake(await createTestDatabase('catalogue_e2e'));
  });
  afterAll(() => intake?.close());

  const send = (method: string, path: string, body?: unknown, headers: Record<string, string> = intake.officer('ADMIN')) =>
    fetch(`${intake.base}${path}`, { method, headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, body: body === undefined ? undefined : JSON.stringify(body) });
  const problem = async (response: Response) => (await response.json()) as { code: string; errors?: { field: string; message: string }[] };
  const unitBody = (code: string) => ({ code, name: 'Phường thử nghiệm', level: 'COMMUNE', kind: 'PEOPLES_COMMITTEE', parent: 'H56', successorOf: ['H56.80'], validFrom: '2025-07-01T00:00:00+07:00', sample: true });

  it('registers a unit and defines versions at it; both reach the catalogue topic keyed by code, in the contract shapes', async () => {
    const reader = await catalogueTopicReader();
    try {
      const unit = uniqueCode('E2E');
      expect((await send('POST', '/units', unitBody(unit))).status).toBe(201);
      const again = await send('POST', '/units', unitBody(unit));
      expect([again.status, (await problem(again)).code]).toEqual([409, 'CATALOGUE.UNIT_ALREADY_REGISTERED']);
      expect(((await (await send('GET', '/units?parent=H56&level=COMMUNE')).json()) as { code: string }[]).map((u) => u.code)).toContain(unit);

      const code = uniqueCode('E2E.P');
      const now = Date.now();
      const v1 = await send('POST', '/procedures', definition({ code, agencies: [], units: [unit], effectiveFrom: new Date(now - DAY).toISOString() }));
      expect([v1.status, await v1.json()]).toEqual([201, expect.objectContaining({ code, version: 1 })]);
      const later = new Date(now + 30 * DAY).toISOString();
      const v2 = await send('POST', '/procedures', definition({ code, agencies: [], units: [unit], effectiveFrom: later, processingTime: { value: 7, unit: 'WORKING_DAYS' } }));
      expect([v2.status, await v2.json()]).toEqual([201, expect.objectContaining({ version: 2, effectiveFrom: later })]);

      const catalogue = intake.app.get(ProcedureCatalogue);
      expect((await catalogue.inForce(code, new Date(now))).version).toBe(1);
      expect((await catalogue.inForce(code, new Date(now + 31 * DAY))).processingTime).toEqual({ value: 7, unit: 'WORKING_DAYS' });
      const detail = (await (await send('GET', `/procedures/${code}`)).json()) as { inForceVersion: number; versions: { version: number }[] };
      expect(detail).toMatchObject({ inForceVersion: 1, versions: [{ version: 1 }, { version: 2 }] });
      const page = (await (await send('GET', `/procedures?unit=${unit}&serviceLevel=FULL&text=${code.toLowerCase()}`)).json()) as { items: unknown[]; total: number };
      expect(page).toMatchObject({ total: 1, items: [{ code, latestVersion: 2, inForceVersion: 1 }] });

      const published = await eventually(async () => reader.seen.filter((m) => m.key === code || m.key === unit), (found) => found.length >= 3, { what: 'catalogue events on Kafka' });
      // Order holds per key (one partition each), not across keys.
      const envelopes = (key: string) => published.filter((m) => m.key === key).map((m) => integrationEvents.decode(m.value));
      expect(envelopes(unit).map((e) => [e.type, e.subject])).toEqual([['UnitRegistered', unit]]);
      expect(envelopes(unit)[0].data).toMatchObject({ code: unit, level: 'COMMUNE', parent: 'H56', successorOf: ['H56.80'] });
      const procedure = envelopes(code);
      expect(procedure.map((e) => [e.type, e.subject])).toEqual([['ProcedurePublished', code], ['ProcedurePublished', code]]);
      expect(procedure[1].data).toMatchObject({ procedure: { version: 2, agencies: [unit] }, units: [unit], effectiveFrom: later });
    } finally {
      await reader.close();
    }
  });

  it('retires a procedure: none of its versions is in force afterwards; retiring again is 409, an unknown one 404', async () => {
    const code = uniqueCode('E2E.R');
    expect((await send('POST', '/procedures', definition({ code, effectiveFrom: '2024-01-01T00:00:00+07:00' }))).status).toBe(201);
    const retiredAt = '2025-12-31T17:00:00.000Z';
    const retired = await send('POST', `/procedures/${code}/retire`, { retiredAt });
    expect([retired.status, await retired.json()]).toEqual([200, { code, version: 1, retiredAt }]);
    const catalogue = intake.app.get(ProcedureCatalogue);
    expect((await catalogue.inForce(code, new Date('2025-12-31T16:59:59Z'))).version).toBe(1);
    await expect(catalogue.inForce(code, new Date('2026-01-01T00:00:00Z'))).rejects.toMatchObject({ code: 'PROCEDURE.NOT_FOUND' });
    const twice = await send('POST', `/procedures/${code}/retire`, {});
    expect([twice.status, (await problem(twice)).code]).toEqual([409, 'CATALOGUE.PROCEDURE_RETIRED']);
    const unknown = await send('POST', `/procedures/${uniqueCode('E2E.NONE')}/retire`, {});
    expect([unknown.status, (await problem(unknown)).code]).toEqual([404, 'CATALOGUE.PROCEDURE_NOT_FOUND']);
  });

  it('lets only administrators change the catalogue: 401 without credentials, 403 for another role', async () => {
    const body = definition({ code: uniqueCode('E2E.A') });
    expect((await send('POST', '/procedures', body, {})).status).toBe(401);
    const officer = await send('POST', '/procedures', body, intake.officer('RECEPTION_OFFICER', 'H56.10'));
    expect([officer.status, (await problem(officer)).code]).toEqual([403, 'AUTH.ROLE_NOT_ALLOWED']);
    expect((await send('POST', '/procedures/import', [body], intake.officer('LEADER'))).status).toBe(403);
    expect((await send('GET', '/units', undefined, {})).status).toBe(401);
  });

  it.each([
    ['a bad online rule', { fees: [{ code: 'F', name: 'F', kind: 'FEE', amount: 1000, online: { rule: 'EXEMPT', percent: 10 } }] }, 400, 'REQUEST.INVALID', 'fees.0.online.percent'],
    ['a fractional fee', { fees: [{ code: 'F', name: 'F', kind: 'FEE', amount: 99.5, online: { rule: 'NONE' } }] }, 400, 'REQUEST.INVALID', 'fees.0.amount'],
    ['repeated document ids', { requiredDocuments: [{ id: 'a', name: 'A', required: true }, { id: 'a', name: 'B', required: true }] }, 400, 'REQUEST.INVALID', 'requiredDocuments.1.id'],
    ['an unregistered agency', { agencies: ['NOWHERE.1'] }, 422, 'CATALOGUE.UNKNOWN_UNIT', 'agencies.0'],
    ['an unknown property', { secret: 'x' }, 400, 'REQUEST.INVALID', 'secret'],
  ])('refuses %s naming the field, storing nothing', async (_case, overrides, status, code, field) => {
    const procedure = uniqueCode('E2E.BAD');
    const before = await intake.stored(procedure);
    const response = await send('POST', '/procedures', { ...definition({ code: procedure }), ...overrides });
    const body = await problem(response);
    expect([response.status, body.code]).toEqual([status, code]);
    expect(body.errors?.map((e) => e.field)).toContain(field);
    expect(await intake.stored(procedure)).toEqual(before);
  });

  it('takes CSV only on the import route (415 elsewhere)', async () => {
    const response = await fetch(`${intake.base}/procedures`, { method: 'POST', headers: { ...intake.officer('ADMIN'), 'content-type': 'text/csv' }, body: 'code\nX' });
    expect(response.status).toBe(415);
  });
});
