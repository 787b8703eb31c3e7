import { createTestDatabase } from '@motcua/testing';
import { definition } from '../../domain/catalogue/catalogue.fixtures';
import { startIntake, uniqueCode } from './catalogue.e2e.harness';
import { CSV_HEADER, csvLine } from './procedure-import/procedure-csv.fixtures';

const ROWS = 3_000;
/** Thanh Hóa's published catalogue after July 2025: 620 FULL and 1,383 PARTIAL online services of 2,223. */
const PROVINCE = { procedures: 2_223, full: 620, partial: 1_383 };

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

  /** The province's catalogue as JSON rows, the service levels in the published proportions. */
  const provinceCatalogue = (prefix: string) =>
    Array.from({ length: PROVINCE.procedures }, (_, i) =>
      definition({
        code: `${prefix}.${i}`,
        name: `Thủ tục số ${i}: cấp, cấp lại, điều chỉnh giấy phép hoạt động`,
        field: ['Hộ tịch', 'Đất đai', 'Xây dựng', 'Lý lịch tư pháp'][i % 4],
        level: i % 3 === 0 ? 'COMMUNE' : 'PROVINCE',
        serviceLevel: i < PROVINCE.full ? 'FULL' : i < PROVINCE.full + PROVINCE.partial ? 'PARTIAL' : 'NONE',
        requiredDocuments: [
          { id: 'form', name: 'Đơn đề nghị theo mẫu', required: true },
          { id: 'identity', name: 'Bản sao giấy tờ chứng minh nhân thân', required: true },
          { id: 'mandate', name: 'Văn bản ủy quyền (nếu có)', required: false },
        ],
        units: [unit],
        agencies: [],
        effectiveFrom: '2025-07-01T00:00:00+07:00',
      }),
    );

  it(`imports the province's ${PROVINCE.procedures} procedures as JSON in one call; all are readable after`, async () => {
    const prefix = uniqueCode('E2E.PROVINCE');
    const response = await send('/procedures/import', 'application/json', JSON.stringify(provinceCatalogue(prefix)));
    expect([response.status, await response.json()]).toEqual([200, { rows: PROVINCE.procedures, added: PROVINCE.procedures }]);
    const read = new Set<string>();
    let after: string | null = null;
    do {
      const query = `text=${prefix}&pageSize=200${after ? `&after=${after}` : ''}`;
      const page = (await (await fetch(`${intake.base}/procedures?${query}`, { headers: intake.portal() })).json()) as { items: { code: string; inForceVersion: number }[]; next: string | null };
      for (const item of page.items) if (item.inForceVersion === 1) read.add(item.code);
      after = page.next;
    } while (after);
    expect(read.size).toBe(PROVINCE.procedures);
    const full = (await (await fetch(`${intake.base}/procedures?text=${prefix}&serviceLevel=FULL&pageSize=1`, { headers: intake.portal() })).json()) as { total: number };
    expect(full.total).toBe(PROVINCE.full);
  }, 120_000);

  it(`refuses the ${PROVINCE.procedures} procedures whole when rows at several lines are bad, reporting each line, storing nothing`, async () => {
    const prefix = uniqueCode('E2E.PROVINCE');
    const rows: unknown[] = provinceCatalogue(prefix);
    rows[0] = { ...(rows[0] as object), serviceLevel: 'ONLINE' }; // line 1
    rows[499] = { ...(rows[499] as object), units: ['NOWHERE.1'] }; // line 500: a unit the catalogue does not know
    rows[1_500] = { ...(rows[1_500] as object), effectiveFrom: '2025-01-01T00:00:00+07:00', code: `${prefix}.1499` }; // line 1501: before line 1500's version
    rows[2_222] = 'not a procedure'; // line 2223
    const before = await intake.stored(prefix);
    const response = await send('/procedures/import', 'application/json', JSON.stringify(rows));
    const body = await rejection(response);
    expect([response.status, body.code]).toEqual([422, 'CATALOGUE.IMPORT_REJECTED']);
    expect(body.errors.map((e) => [e.line, e.field])).toEqual([[1, 'serviceLevel'], [500, 'units.0'], [1501, 'effectiveFrom'], [2223, 'row']]);
    expect(await intake.stored(prefix)).toEqual(before);
  }, 120_000);

  it('answers a body over the import limit with 413, and unreadable JSON with 400, as problem+json', async () => {
    const tooLarge = await send('/procedures/import', 'application/json', `[${'"x",'.repeat(5_300_000)}"x"]`);
    expect([tooLarge.status, tooLarge.headers.get('content-type'), ((await tooLarge.json()) as { code: string }).code]).toEqual([413, expect.stringContaining('application/problem+json'), 'REQUEST.TOO_LARGE']);
    const unreadable = await send('/procedures/import', 'application/json', '[{"code": "X",');
    expect([unreadable.status, unreadable.headers.get('content-type')]).toEqual([400, expect.stringContaining('application/problem+json')]);
  });

  it('refuses a body that is neither an array nor CSV, and an empty import, with 400', async () => {
    for (const [contentType, body] of [['application/json', '{"code":"X"}'], ['text/csv', CSV_HEADER], ['application/json', '[]']]) {
      const response = await send('/procedures/import', contentType, body);
      expect([response.status, ((await response.json()) as { errors: { field: string }[] }).errors[0].field]).toEqual([400, 'body']);
    }
  });
});
