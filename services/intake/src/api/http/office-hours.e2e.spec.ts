import { randomBytes, randomUUID } from 'node:crypto';
import { VIETNAM_HOLIDAYS } from '@motcua/calendar';
import { InProcessService, startInProcessService } from '@motcua/testing';
import { definition } from '../../domain/catalogue/catalogue.fixtures';
import { IntakeConfig } from '../../intake.config';
import { IntakeModule } from '../../intake.module';

/**
 * A unit's own office hours over HTTP (real PostgreSQL and Kafka): the due date of a dossier it
 * receives is counted in them, not in the code's defaults, and the dossier records the holiday
 * table and the hours it was computed with. Time stands still at Wednesday 10:00 local.
 */
describe('intake: a unit receives in its own office hours', () => {
  let h: InProcessService;
  const now = new Date('2025-03-05T03:00:00.000Z');
  beforeAll(async () => {
    h = await startInProcessService(IntakeModule, {
      service: 'intake',
      config: IntakeConfig,
      isolate: { prefix: 'intake_hours_e2e' },
      env: { APPLICANT_REF_KEY: 'hours-e2e-applicant-ref-key-0123456789' },
      clock: { now: () => now },
    });
  });
  afterAll(() => h?.close());

  const unit = `E2E.H${randomBytes(3).toString('hex').toUpperCase()}`;
  const procedure = `E2E.HP.${randomBytes(3).toString('hex').toUpperCase()}`;
  const ownHours = [{ start: '08:00', end: '12:00' }, { start: '14:00', end: '18:00' }];
  const call = async (method: string, path: string, headers: Record<string, string>, payload?: unknown) => {
    const response = await fetch(`${h.base}${path}`, { method, headers: { ...headers, ...(payload === undefined ? {} : { 'content-type': 'application/json' }) }, body: payload === undefined ? undefined : JSON.stringify(payload) });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const admin = () => h.officer('ADMIN', 'H56', 'admin-1');
  const registerAt = (at: string) =>
    call('POST', '/dossiers/at-desk', { ...h.officer('RECEPTION_OFFICER', at, `reception-${at}`), 'idempotency-key': randomUUID() }, {
      channel: 'COUNTER', procedureCode: procedure, unit: at, applicant: { kind: 'INDIVIDUAL', identifier: '038090001234', fullName: 'Trần Văn Cường' },
      components: [{ componentId: 'form', name: 'Tờ khai', provenance: 'PAPER' }], delivery: 'COUNTER',
    });

  it('counts the due date in the unit’s hours and records them with the dossier', async () => {
    const registered = await call('POST', '/catalogue/units', admin(), {
      code: unit, name: 'Công an phường (thử nghiệm)', level: 'COMMUNE', kind: 'AGENCY', parent: 'H56', validFrom: '2020-01-01T00:00:00+07:00', sample: true,
      officeHours: ownHours, saturdayHours: [{ start: '07:30', end: '11:30' }],
    });
    expect(registered.status).toBe(201);
    expect((await call('GET', `/catalogue/units/${unit}`, h.portal())).body).toMatchObject({ officeHours: ownHours, saturdayHours: [{ start: '07:30', end: '11:30' }] });
    const defined = await call('POST', '/catalogue/procedures', admin(), definition({
      code: procedure, level: 'COMMUNE', processingTime: { value: 2, unit: 'WORKING_HOURS' }, fees: [], payFirst: false, agencies: [], units: [unit, 'H56.22'], effectiveFrom: '2020-01-01T00:00:00+07:00',
    }));
    expect(defined.status).toBe(201);

    // Two working hours from 10:00: 12:00 in 08:00–12:00 / 14:00–18:00; 14:00 in the default 07:30–11:30 / 13:30–17:00.
    const own = await registerAt(unit);
    expect([own.status, own.body['dueAt']]).toEqual([201, '2025-03-05T05:00:00.000Z']);
    const usual = await registerAt('H56.22');
    expect([usual.status, usual.body['dueAt']]).toEqual([201, '2025-03-05T07:00:00.000Z']);

    const calendars = await h.db.query<{ stream_id: string; calendar: unknown }>(
      `select stream_id, data->'calendar' as calendar from intake.events where event_type = 'DossierReceived' and stream_id = any($1::text[])`,
      [[own.body['dossierId'], usual.body['dossierId']]],
    );
    const recorded = new Map(calendars.rows.map((r) => [r.stream_id, r.calendar]));
    expect(recorded.get(String(own.body['dossierId']))).toEqual({ holidayTable: VIETNAM_HOLIDAYS.version, officeHours: ownHours });
    expect(recorded.get(String(usual.body['dossierId']))).toEqual({ holidayTable: VIETNAM_HOLIDAYS.version, officeHours: [{ start: '07:30', end: '11:30' }, { start: '13:30', end: '17:00' }] });
  });

  it.each([
    ['overlapping periods', [{ start: '08:00', end: '12:00' }, { start: '11:00', end: '17:00' }], 'officeHours'],
    ['a period ending before it starts', [{ start: '12:00', end: '08:00' }], 'officeHours'],
    ['a time that is not HH:MM', [{ start: '8h', end: '12:00' }], 'officeHours.0.start'],
  ])('refuses %s, naming the field, registering nothing', async (_case, officeHours, field) => {
    const code = `E2E.HB${randomBytes(3).toString('hex').toUpperCase()}`;
    const refused = await call('POST', '/catalogue/units', admin(), { code, name: 'X', level: 'COMMUNE', kind: 'PEOPLES_COMMITTEE', validFrom: '2020-01-01T00:00:00+07:00', officeHours });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain(field);
    expect((await call('GET', `/catalogue/units/${code}`, admin())).status).toBe(404);
  });
});
