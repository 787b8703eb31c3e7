import { ROLES } from '@motcua/platform';
import { createTestDatabase } from '@motcua/testing';
import type { ProcedureDefinition } from '../../domain/catalogue/procedure.decider';
import { definition } from '../../domain/catalogue/catalogue.fixtures';
import { startIntake, uniqueCode } from './catalogue.e2e.harness';

const DAY = 86_400_000;
const OFFICER_ROLES = ROLES.filter((r): r is Exclude<(typeof ROLES)[number], 'PORTAL'> => r !== 'PORTAL');

interface Terms {
  version: number;
  requiredDocuments: { id: string; required: boolean }[];
  fees: { code: string; amount: number; online: { rule: string }; onlineAmount: number }[];
  feeTotal: { counter: number; online: number };
  processingTime: { value: number; unit: string };
  effectiveFrom: string;
  effectiveTo: string | null;
  eResultAllowed: boolean;
  payFirst: boolean;
}
interface Page {
  items: { code: string; name: string; inForceVersion: number | null; inForce: Terms | null; scheduled: Terms | null }[];
  total: number;
  page: number | null;
  next: string | null;
}

describe('intake: the catalogue as portals and officers read it (real PostgreSQL)', () => {
  let intake: Awaited<ReturnType<typeof startIntake>>;
  let unit: string;
  const prefix = uniqueCode('E2E.PORTAL');
  const admin = () => intake.officer('ADMIN');
  const send = (method: string, path: string, body?: unknown, headers: Record<string, string> = admin()) =>
    fetch(`${intake.base}${path}`, { method, headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, body: body === undefined ? undefined : JSON.stringify(body) });
  const page = async (query: string, headers: Record<string, string> = intake.portal()) => {
    const response = await send('GET', `/procedures?unit=${unit}&${query}`, undefined, headers);
    expect(response.status).toBe(200);
    return (await response.json()) as Page;
  };
  const codes = async (query: string) => (await page(query)).items.map((i) => i.code);
  const define = async (overrides: Partial<ProcedureDefinition>) => {
    const response = await send('POST', '/procedures', definition({ units: [unit], agencies: [], effectiveFrom: new Date(Date.now() - DAY).toISOString(), ...overrides }));
    expect(response.status).toBe(201);
  };
  const at = (suffix: string) => `${prefix}.${suffix}`;

  beforeAll(async () => {
    intake = await startIntake(await createTestDatabase('catalogue_portal_e2e'));
    unit = uniqueCode('E2E');
    expect((await send('POST', '/units', { code: unit, name: 'Sở thử nghiệm', level: 'PROVINCE', kind: 'DEPARTMENT', validFrom: '2020-01-01T00:00:00+07:00', sample: true })).status).toBe(201);
    await define({ code: at('LLTP'), name: `Cấp Phiếu lý lịch tư pháp ${prefix}`, field: 'Lý lịch tư pháp', level: 'PROVINCE', serviceLevel: 'FULL' });
    await define({ code: at('HT'), name: 'Đăng ký khai sinh', field: 'Hộ tịch', level: 'COMMUNE', serviceLevel: 'FULL', fees: [], payFirst: false });
    await define({ code: at('XD'), name: 'Cấp giấy phép xây dựng nhà ở riêng lẻ', field: 'Xây dựng', level: 'COMMUNE', serviceLevel: 'PARTIAL', eResultAllowed: false });
    await define({ code: at('FUTURE'), name: 'Thẩm định đồ án quy hoạch', field: 'Quy hoạch xây dựng', level: 'PROVINCE', serviceLevel: 'NONE', effectiveFrom: new Date(Date.now() + 30 * DAY).toISOString() });
    await define({ code: at('OLD'), name: 'Đổi giấy phép lái xe', field: 'Đường bộ', level: 'PROVINCE', serviceLevel: 'FULL' });
    expect((await send('POST', `/procedures/${at('OLD')}/retire`, {})).status).toBe(200);
    // A later version of the judicial-record certificate, published now to take effect in a month.
    await define({
      code: at('LLTP'),
      name: `Cấp Phiếu lý lịch tư pháp ${prefix}`,
      field: 'Lý lịch tư pháp',
      effectiveFrom: new Date(Date.now() + 30 * DAY).toISOString(),
      fees: [{ code: 'LLTP', name: 'Phí cung cấp thông tin lý lịch tư pháp', kind: 'FEE', amount: 200_000, online: { rule: 'EXEMPT' } }],
    });
  });
  afterAll(() => intake?.close());

  it('lets a portal and every officer role read procedures and units; only ADMIN may write (403 otherwise)', async () => {
    for (const headers of [intake.portal(), ...OFFICER_ROLES.map((role) => intake.officer(role, 'H56.22'))]) {
      expect((await send('GET', `/procedures?unit=${unit}`, undefined, headers)).status).toBe(200);
      expect((await send('GET', `/procedures/${at('LLTP')}`, undefined, headers)).status).toBe(200);
      expect((await send('GET', '/units?level=PROVINCE', undefined, headers)).status).toBe(200);
      expect((await send('GET', `/units/${unit}`, undefined, headers)).status).toBe(200);
    }
    for (const headers of [intake.portal(), ...OFFICER_ROLES.filter((r) => r !== 'ADMIN').map((role) => intake.officer(role, 'H56.22'))]) {
      const writes = [
        send('POST', '/procedures', definition({ code: at('NEVER'), units: [unit], agencies: [] }), headers),
        send('POST', '/procedures/import', [definition({ code: at('NEVER'), units: [unit], agencies: [] })], headers),
        send('POST', `/procedures/${at('HT')}/retire`, {}, headers),
        send('POST', '/units', { code: uniqueCode('E2E'), name: 'X', level: 'COMMUNE', kind: 'PEOPLES_COMMITTEE', validFrom: '2025-07-01T00:00:00+07:00' }, headers),
      ];
      const answers = await Promise.all(writes.map(async (w) => { const r = await w; return [r.status, ((await r.json()) as { code: string }).code]; }));
      expect(answers).toEqual(writes.map(() => [403, 'AUTH.ROLE_NOT_ALLOWED']));
    }
    expect((await send('GET', '/procedures', undefined, {})).status).toBe(401);
    expect((await page('inForce=true')).items.map((i) => i.code)).toContain(at('HT'));
  });

  it('filters by level, online service level, field, unit, e-result and whether a version is in force', async () => {
    expect(await codes('level=COMMUNE')).toEqual([at('HT'), at('XD')]);
    expect(await codes('serviceLevel=FULL')).toEqual([at('HT'), at('LLTP'), at('OLD')]);
    expect(await codes('serviceLevel=NONE&level=PROVINCE')).toEqual([at('FUTURE')]);
    expect(await codes(`field=${encodeURIComponent('Xây dựng')}`)).toEqual([at('XD')]);
    expect(await codes('eResultAllowed=false')).toEqual([at('XD')]);
    expect(await codes('inForce=true')).toEqual([at('HT'), at('LLTP'), at('XD')]);
    expect(await codes('inForce=false')).toEqual([at('FUTURE'), at('OLD')]);
    expect((await page('')).total).toBe(5);
    expect((await send('GET', `/procedures?unit=${uniqueCode('E2E')}`, undefined, intake.portal()).then((r) => r.json())) as Page).toMatchObject({ items: [], total: 0 });
    for (const bad of ['inForce=yes', 'eResultAllowed=1', 'sort=fee', 'level=CITY']) {
      const response = await send('GET', `/procedures?${bad}`, undefined, intake.portal());
      expect([response.status, ((await response.json()) as { errors: { field: string }[] }).errors[0].field]).toEqual([400, bad.split('=')[0]]);
    }
  });

  it('finds a procedure by its Vietnamese name typed with or without marks, in any case, precomposed or not', async () => {
    const tail = prefix.toLowerCase();
    for (const text of [`cap phieu ly lich tu phap ${tail}`, `CẤP PHIẾU LÝ LỊCH TƯ PHÁP ${prefix}`, `Cấp Phiếu lý lịch tư pháp ${prefix}`.normalize('NFD'), 'ly lich', 'lý LỊCH']) {
      expect(await codes(`text=${encodeURIComponent(text)}`)).toEqual([at('LLTP')]);
    }
    expect(await codes(`text=${encodeURIComponent('dang ky khai sinh')}`)).toEqual([at('HT')]);
    expect(await codes(`text=${encodeURIComponent('giay phep')}`)).toEqual([at('OLD'), at('XD')]);
    expect(await codes(`text=${encodeURIComponent(at('xd'))}`)).toEqual([at('XD')]);
  });

  it('shows what to bring and what it costs under the version in force, and the version scheduled to follow', async () => {
    const [item] = (await page(`text=${encodeURIComponent('ly lich tu phap')}`)).items;
    expect(item.inForceVersion).toBe(1);
    expect(item.inForce).toMatchObject({
      version: 1,
      processingTime: { value: 10, unit: 'WORKING_DAYS' },
      requiredDocuments: [{ id: 'form', required: true }],
      fees: [{ code: 'LLTP', amount: 200_000, online: { rule: 'DISCOUNT_PERCENT' }, onlineAmount: 170_000 }],
      feeTotal: { counter: 200_000, online: 170_000 },
      eResultAllowed: true,
      payFirst: true,
    });
    expect(item.scheduled).toMatchObject({ version: 2, fees: [{ online: { rule: 'EXEMPT' }, onlineAmount: 0 }], feeTotal: { counter: 200_000, online: 0 }, effectiveTo: null });
    expect(item.inForce?.effectiveTo).toBe(item.scheduled?.effectiveFrom);
    const detail = (await (await send('GET', `/procedures/${at('LLTP')}`, undefined, intake.portal())).json()) as { inForce: Terms; scheduled: Terms; versions: unknown[] };
    expect([detail.versions.length, detail.inForce.version, detail.scheduled.version]).toEqual([2, 1, 2]);
    const [retired] = (await page(`text=${at('OLD')}`)).items;
    expect([retired.inForce, retired.scheduled]).toEqual([null, null]);
  });

  it('sorts by name without marks and pages by `after` to the end, every procedure once', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const p: Page = await page(`sort=name&pageSize=2${after ? `&after=${after}` : ''}`);
      expect(p.total).toBe(5);
      seen.push(...p.items.map((i) => i.name));
      after = p.next;
    } while (after);
    expect(seen).toEqual(['Cấp giấy phép xây dựng nhà ở riêng lẻ', `Cấp Phiếu lý lịch tư pháp ${prefix}`, 'Đăng ký khai sinh', 'Đổi giấy phép lái xe', 'Thẩm định đồ án quy hoạch']);
    const byCode = await page('pageSize=3&page=2');
    expect([byCode.page, byCode.items.map((i) => i.code), byCode.next]).toEqual([2, [at('OLD'), at('XD')], null]);
    const first = await page('pageSize=3');
    expect((await page(`pageSize=3&after=${first.next}`)).items.map((i) => i.code)).toEqual([at('OLD'), at('XD')]);
    for (const [query, field] of [['after=not-a-cursor', 'after'], [`after=${first.next}&page=2`, 'page']]) {
      const response = await send('GET', `/procedures?${query}`, undefined, intake.portal());
      expect([response.status, ((await response.json()) as { errors: { field: string }[] }).errors[0].field]).toEqual([400, field]);
    }
  });

  it('shows each unit with the units it was merged into, and finds units by name without marks', async () => {
    const [oldA, oldB, merged] = [uniqueCode('E2E.OLD'), uniqueCode('E2E.OLD'), uniqueCode('E2E.NEW')];
    const register = (code: string, body: Record<string, unknown>) =>
      send('POST', '/units', { code, level: 'COMMUNE', kind: 'PEOPLES_COMMITTEE', parent: 'H56', validFrom: '2020-01-01T00:00:00+07:00', sample: true, ...body });
    expect((await register(oldA, { name: `Xã Đông Tiến ${oldA}`, validTo: '2025-07-01T00:00:00+07:00' })).status).toBe(201);
    expect((await register(oldB, { name: `Xã Đông Thanh ${oldB}`, validTo: '2025-07-01T00:00:00+07:00' })).status).toBe(201);
    expect((await register(merged, { name: `Xã Đông Tiến Thanh ${merged}`, successorOf: [oldA, oldB], validFrom: '2025-07-01T00:00:00+07:00' })).status).toBe(201);
    const unitOf = async (code: string) => (await (await send('GET', `/units/${code}`, undefined, intake.portal())).json()) as { successors: string[]; successorOf: string[]; validTo?: string };
    expect(await unitOf(oldA)).toMatchObject({ successors: [merged], validTo: '2025-06-30T17:00:00.000Z' });
    expect(await unitOf(merged)).toMatchObject({ successors: [], successorOf: [oldA, oldB] });
    const list = async (query: string) => ((await (await send('GET', `/units?${query}`, undefined, intake.portal())).json()) as { code: string }[]).map((u) => u.code);
    expect(await list(`successorOf=${oldB}`)).toEqual([merged]);
    expect(await list(`text=${encodeURIComponent(`xa dong tien thanh ${merged.toLowerCase()}`)}`)).toEqual([merged]);
    expect(await list(`text=${encodeURIComponent(`Đông Tiến ${oldA}`)}&existingAt=2025-07-01T00:00:00%2B07:00`)).toEqual([]);
    const unknown = await send('GET', `/units/${uniqueCode('E2E.NONE')}`, undefined, intake.portal());
    expect([unknown.status, ((await unknown.json()) as { code: string }).code]).toEqual([404, 'CATALOGUE.UNIT_NOT_FOUND']);
  });
});
