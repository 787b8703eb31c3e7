import { createTestDatabase } from '@motcua/testing';
import { definition } from '../../domain/catalogue/catalogue.fixtures';
import { startIntake, uniqueCode } from './catalogue.e2e.harness';
import { CSV_HEADER, csvLine } from './procedure-import/procedure-csv.fixtures';

const ROWS = 3_000;

describe('intake: bulk catalogue import (real PostgreSQL)', () => {
  let intake: Awaited<ReturnType<typeof startIntake>>;
  let unit: string;
  beforeAll(async () => {
    intake = await startIntake(await createTestDatabase('catalogue_import_e2e'));
    unit = uniqueCode('E2E');
    const registered = await send('/units', 'application/json', JSON.stringify({ code: unit, name: 'Sở thử nghiệm', level: 'PROVINCE', kind: 'DEPARTMENT', validFrom: '2020-01-01T00:00:00+07:00' }));
    expect(registered.status).toBe(201);
  });
  afterAll(() => intake?.close());

  const send = (path: string, contentType: string, body: string) =>
    fetch(`${intake.base}${path}`, { method: 'POST', headers: { ...intake.officer('ADMIN'), 'content-type': contentType }, body });
  const importCsv = (lines: string[]) => send('/procedures/import', 'text/csv; charset=utf-8', [CSV_HEADER, ...lines].join('\n'));
  const rejection = async (response: Response) => (await response.json()) as { code: string; errors: { line: number; field: string; message: string }[] };
  const lines = (errors: { line: number }[]) => [...new Set(errors.map((e) => e.line))];

  it(`imports ${ROWS} CSV rows (more than the usual body limit) in one transaction`, async () => {
    const prefix = uniqueCode('E2E.BULK');
    const documents = 'form|Đơn đề nghị theo mẫu;copy|Bản sao giấy tờ chứng minh nhân thân;mandate?|Văn bản ủy quyền (nếu có)';
    const csv = Array.from({ length: ROWS }, (_, i) => csvLine(`${prefix}.${i}`, { units: unit, agencies: unit, documents, name: `"Thủ tục mẫu ${i}: cấp, cấp lại, điều chỉnh giấy phép hoạt động"` }));
    expect(Buffer.byteLength([CSV_HEADER, ...csv].join('\n'))).toBeGreaterThan(1024 * 1024);
    const before = await intake.stored(prefix);
    const response = await importCsv(csv);
    expect([response.status, await response.json()]).toEqual([200, { rows: ROWS, added: ROWS }]);
    const after = await intake.stored(prefix);
    expect(after.versions - before.versions).toBe(ROWS);
    expect(after.events - before.events).toBe(ROWS);
    const page = (await (await fetch(`${intake.base}/procedures?text=${prefix}&pageSize=5`, { headers: intake.officer('ADMIN') })).json()) as { total: number; items: unknown[] };
    expect(page).toMatchObject({ total: ROWS, items: expect.arrayContaining([expect.objectContaining({ latestVersion: 1, inForceVersion: 1 })]) });
  }, 120_000);

  it('refuses a CSV with bad rows, naming every bad line (also those the catalogue state refuses), and stores nothing', async () => {
    const prefix = uniqueCode('E2E.BAD');
    const retired = `${prefix}.RETIRED`;
    expect((await send('/procedures', 'application/json', JSON.stringify(definition({ code: retired, units: [unit], agencies: [] })))).status).toBe(201);
    expect((await send(`/procedures/${retired}/retire`, 'application/json', '{}')).status).toBe(200);
    const rows = Array.from({ length: 20 }, (_, i) => csvLine(`${prefix}.${i}`, { units: unit }));
    rows[1] = csvLine(`${prefix}.1`, { units: unit, fees: 'GP|CHARGE|12,5|NONE|Lệ phí' }); // line 3
    rows[5] = csvLine(`${prefix}.5`, { units: `${unit};NOWHERE.9` }); // line 7
    rows[10] = 'too,few,cells'; // line 12
    rows[13] = csvLine(retired, { units: unit }); // line 15
    rows[15] = csvLine(`${prefix}.SAME`, { units: unit, effectiveFrom: '2026-01-01' }); // line 17
    rows[16] = csvLine(`${prefix}.SAME`, { units: unit, effectiveFrom: '2025-01-01' }); // line 18: before line 17's version
    const before = await intake.stored(prefix);
    const response = await importCsv(rows);
    expect(response.status).toBe(422);
    const body = await rejection(response);
    expect(body.code).toBe('CATALOGUE.IMPORT_REJECTED');
    expect(lines(body.errors)).toEqual([3, 7, 12, 15, 18]);
    expect(body.errors.filter((e) => e.line === 7)).toEqual([{ line: 7, field: 'units.1', message: 'unit NOWHERE.9 is not registered' }]);
    expect(body.errors.find((e) => e.line === 18)?.field).toBe('effectiveFrom');
    expect(await intake.stored(prefix)).toEqual(before);
  });

  it('numbers JSON rows from 1 and accepts a good array', async () => {
    const prefix = uniqueCode('E2E.JSON');
    const good = (i: number) => definition({ code: `${prefix}.${i}`, units: [unit], agencies: [] });
    const bad = await send('/procedures/import', 'application/json', JSON.stringify([good(1), { ...good(2), level: 'CITY' }, good(3), { ...good(4), fees: 'free' }]));
    expect(bad.status).toBe(422);
    expect((await rejection(bad)).errors.map((e) => [e.line, e.field])).toEqual([[2, 'level'], [4, 'fees']]);
    expect((await intake.stored(prefix)).versions).toBe(0);
    const ok = await send('/procedures/import', 'application/json', JSON.stringify([good(1), good(2)]));
    expect([ok.status, await ok.json()]).toEqual([200, { rows: 2, added: 2 }]);
  });

  it('refuses a body that is neither an array nor CSV, and an empty import, with 400', async () => {
    for (const [contentType, body] of [['application/json', '{"code":"X"}'], ['text/csv', CSV_HEADER], ['application/json', '[]']]) {
      const response = await send('/procedures/import', contentType, body);
      expect([response.status, ((await response.json()) as { errors: { field: string }[] }).errors[0].field]).toEqual([400, 'body']);
    }
  });
});
