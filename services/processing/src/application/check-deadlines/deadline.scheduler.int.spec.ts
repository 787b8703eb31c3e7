import { randomUUID } from 'node:crypto';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { WorkingCalendar } from '@motcua/calendar';
import { EventStore, PgDatabase } from '@motcua/event-store';
import { EVENT_STORE } from '@motcua/messaging';
import { CLOCK, Clock, createServiceApp, DATABASE } from '@motcua/platform';
import { dossierReceived, eventually, isolateService, procedureSnapshot } from '@motcua/testing';
import { caseDecider } from '../../domain/case/case.decider';
import { ProcessingModule } from '../../processing.module';
import { caseCodec } from '../case-stream';
import { DeadlineScheduler } from './deadline.scheduler';

describe('deadline scheduler (real PostgreSQL)', () => {
  let app: NestFastifyApplication;
  let db: PgDatabase;
  let store: EventStore;
  let clock: Clock;

  beforeAll(async () => {
    process.env['JWT_SECRET'] ??= 'processing-int-jwt-secret-0123456789abcd';
    process.env['DEADLINE_CHECK_INTERVAL_MS'] = '3600000';
    await isolateService('processing_deadlines_int');
    app = await createServiceApp(ProcessingModule, { service: 'processing', defaultPort: 0 });
    await app.listen(0, '127.0.0.1');
    db = app.get<PgDatabase>(DATABASE);
    store = app.get<EventStore>(EVENT_STORE);
    clock = app.get<Clock>(CLOCK);
  });
  afterAll(() => app.close());

  /** A case received long enough ago to be overdue now. */
  async function openOverdueCase(): Promise<string> {
    const dossierId = randomUUID();
    const receivedAt = new Date(clock.now().getTime() - 40 * 86_400_000);
    const received = dossierReceived({
      dossierId,
      receivedAt: receivedAt.toISOString(),
      dueAt: new WorkingCalendar().dueAt(receivedAt, { value: 5, unit: 'WORKING_DAYS' })?.toISOString() ?? '',
      procedure: procedureSnapshot({ processingTime: { value: 5, unit: 'WORKING_DAYS' }, agencies: ['H56.22'] }),
    });
    const events = caseDecider(new WorkingCalendar()).decide({ type: 'OpenCase', received }, caseDecider(new WorkingCalendar()).initialState);
    await store.append(dossierId, events.map(caseCodec(clock).encode), { expectedVersion: 'no_stream' });
    await eventually(
      async () => (await db.query(`select 1 from processing.case_deadlines where dossier_id = $1`, [dossierId])).rowCount,
      (n) => n === 1,
      { what: 'the case in case_deadlines' },
    );
    return dossierId;
  }

  it('records an overdue dossier and issues one apology, however many passes and replicas run', async () => {
    const dossierId = await openOverdueCase();
    const replica = new DeadlineScheduler(db, store, clock);
    const scheduler = app.get(DeadlineScheduler);
    await Promise.all([scheduler.tick(), replica.tick(), scheduler.tick(), replica.tick()]);
    await scheduler.tick();

    const types = (await store.readStream(dossierId)).map((e) => e.type);
    expect(types.filter((t) => t === 'DossierOverdue')).toHaveLength(1);
    expect(types.filter((t) => t === 'ApologyIssued')).toHaveLength(1);
    const apology = (await store.readStream(dossierId)).find((e) => e.type === 'ApologyIssued')?.data as { dueAt: string; newAppointmentAt: string };
    expect(Date.parse(apology.newAppointmentAt)).toBeGreaterThan(Date.parse(apology.dueAt));

    await eventually(
      async () => (await db.query<{ overdue_recorded: boolean }>(`select overdue_recorded from processing.case_deadlines where dossier_id = $1`, [dossierId])).rows[0]?.overdue_recorded,
      Boolean,
      { what: 'the projection to see the overdue record' },
    );
    await replica.tick();
    expect((await store.readStream(dossierId)).filter((e) => e.type === 'ApologyIssued')).toHaveLength(1);
  });
});
