import { randomUUID } from 'node:crypto';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { WorkingCalendar } from '@motcua/calendar';
import { EventStore, PgDatabase } from '@motcua/event-store';
import { EVENT_STORE } from '@motcua/messaging';
import { CLOCK, Clock, createServiceApp, DATABASE } from '@motcua/platform';
import { dossierReceived, eventually, isolateService, procedureSnapshot } from '@motcua/testing';
import { caseDecider } from '../../domain/case/case.decider';
import type { CaseEvent } from '../../domain/case/case.events';
import { ProcessingModule } from '../../processing.module';
import { caseCodec } from '../case-stream';
import { DeadlineScheduler } from './deadline.scheduler';

/** A pass used to read one page of candidates only; the backlogs here are more than a page. */
const PAGE = 20;
const ALREADY_OVERDUE = 30;
const DAY_MS = 86_400_000;

describe('deadline scheduler under a backlog (real PostgreSQL)', () => {
  const calendar = new WorkingCalendar();
  const decider = caseDecider(calendar);
  let app: NestFastifyApplication;
  let db: PgDatabase;
  let store: EventStore;
  let clock: Clock;

  beforeAll(async () => {
    process.env['JWT_SECRET'] ??= 'processing-int-jwt-secret-0123456789abcd';
    process.env['DEADLINE_CHECK_INTERVAL_MS'] = '3600000';
    process.env['DEADLINE_CHECK_PAGE_SIZE'] = String(PAGE);
    await isolateService('processing_deadline_backlog_int');
    app = await createServiceApp(ProcessingModule, { service: 'processing', defaultPort: 0 });
    await app.listen(0, '127.0.0.1');
    db = app.get<PgDatabase>(DATABASE);
    store = app.get<EventStore>(EVENT_STORE);
    clock = app.get<Clock>(CLOCK);
  });
  afterAll(async () => {
    delete process.env['DEADLINE_CHECK_PAGE_SIZE'];
    await app.close();
  });

  /** A case received `daysAgo` with five working days to go; `checkedAt`, the scheduler's verdict already recorded. */
  async function openCase(daysAgo: number, checkedAt?: Date, payFirst = false): Promise<string> {
    const dossierId = randomUUID();
    const receivedAt = new Date(clock.now().getTime() - daysAgo * DAY_MS);
    const time = { value: 5, unit: 'WORKING_DAYS' } as const;
    const received = dossierReceived({
      dossierId,
      receivedAt: receivedAt.toISOString(),
      dueAt: calendar.dueAt(receivedAt, time)?.toISOString() ?? '',
      procedure: procedureSnapshot({ processingTime: time, agencies: ['H56.22'], payFirst }),
    });
    const events: CaseEvent[] = decider.decide({ type: 'OpenCase', received }, decider.initialState);
    if (checkedAt) {
      const state = events.reduce(decider.evolve, decider.initialState);
      events.push(...decider.decide({ type: 'CheckDeadline', at: checkedAt, dueSoonWithinMinutes: 450 }, state));
    }
    await store.append(dossierId, events.map(caseCodec(clock).encode), { expectedVersion: 'no_stream' });
    return dossierId;
  }

  const overdueCount = async () =>
    Number((await db.query<{ n: string }>(`select count(*) as n from processing.case_deadlines where overdue_recorded and not due_soon_notified`)).rows[0].n);

  it('still finds a newly overdue case behind a backlog of cases that went straight to overdue', async () => {
    // Each went straight to overdue on an accelerated clock: no reminder was ever sent.
    for (let i = 0; i < ALREADY_OVERDUE; i++) await openCase(60 + i / 10, new Date(clock.now().getTime() - DAY_MS));
    await eventually(overdueCount, (n) => n === ALREADY_OVERDUE, { what: 'the backlog in case_deadlines', timeoutMs: 60_000 });

    const fresh = await openCase(30);
    await tickOnceSeen(fresh);
    expect((await store.readStream(fresh)).map((e) => e.type)).toEqual(expect.arrayContaining(['DossierOverdue', 'ApologyIssued']));
  });

  it('gets past more than a page of candidates whose check produces nothing', async () => {
    // Paused (awaiting payment) in their streams, still open in a projection that has not caught up.
    const lagging: string[] = [];
    for (let i = 0; i < ALREADY_OVERDUE; i++) lagging.push(await openCase(50 + i / 10, undefined, true));
    const paused = async () =>
      Number((await db.query<{ n: string }>(`select count(*) as n from processing.case_deadlines where dossier_id = any($1::uuid[]) and status = 'PAUSED'`, [lagging])).rows[0].n);
    await eventually(paused, (n) => n === ALREADY_OVERDUE, { what: 'every lagging case in case_deadlines', timeoutMs: 60_000 });
    await db.query(`update processing.case_deadlines set status = 'OPEN' where dossier_id = any($1::uuid[])`, [lagging]);
    const fresh = await openCase(30);
    await tickOnceSeen(fresh);
    expect((await store.readStream(fresh)).map((e) => e.type)).toContain('DossierOverdue');
  });

  async function tickOnceSeen(dossierId: string): Promise<void> {
    await eventually(
      async () => (await db.query(`select 1 from processing.case_deadlines where dossier_id = $1`, [dossierId])).rowCount,
      (n) => n === 1,
      { what: 'the fresh case in case_deadlines' },
    );
    await app.get(DeadlineScheduler).tick();
  }
});
