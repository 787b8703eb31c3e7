import { Inject, Injectable } from '@nestjs/common';
import { calendarFor, CalendarTerms, dueSoonFrom } from '@motcua/calendar';
import { PgDatabase, RecordedEvent } from '@motcua/event-store';
import type { Migration } from '@motcua/event-store';
import { LogProjection } from '@motcua/messaging';
import { DATABASE } from '@motcua/platform';
import type { CaseEvent } from '../../domain/case/case.events';

export const workListMigrations: Migration[] = [
  {
    id: 'processing/003_work_list',
    up: (s) => `
      create table ${s}.work_list (
        dossier_id uuid primary key,
        code text not null,
        unit text not null,
        procedure_code text not null,
        channel text not null,
        received_at timestamptz not null,
        agency text not null,
        step integer not null,
        department text,
        officer_id text,
        status text not null check (status in ('OPEN', 'PAUSED')),
        paused_reason text check (paused_reason in ('SUPPLEMENT', 'AWAITING_PAYMENT')),
        paused_since timestamptz,
        due_at timestamptz not null,
        due_soon_from timestamptz not null
      );
      create index work_list_agency_due on ${s}.work_list (agency, due_at, dossier_id);
      comment on table ${s}.work_list is 'Open handling cases (open or paused), one row each, for the officers'' work list; a resolved, stopped or withdrawn case leaves it. Built from processing''s own log.';
      comment on column ${s}.work_list.unit is 'The unit that received the dossier.';
      comment on column ${s}.work_list.agency is 'The agency of the current step: its officers act on the case.';
      comment on column ${s}.work_list.step is 'The current step, 1 for the first agency of the procedure.';
      comment on column ${s}.work_list.department is 'The department holding the current step; null until assigned within the step.';
      comment on column ${s}.work_list.officer_id is 'The officer holding the current step (their token subject); null until assigned within the step.';
      comment on column ${s}.work_list.paused_reason is 'Why the clock stands still: SUPPLEMENT (waiting for the applicant) or AWAITING_PAYMENT (pay-first fee); null while running.';
      comment on column ${s}.work_list.paused_since is 'When the open pause began; the time left stands still from then.';
      comment on column ${s}.work_list.due_at is 'The due date as processing last set it (reception, resumption, extension); with dossier_id, the list''s order.';
      comment on column ${s}.work_list.due_soon_from is 'The first instant with at most one working day (450 office minutes) left before due_at: the due-soon rule of libs/calendar.';
    `,
  },
  {
    id: 'processing/004_work_list_calendar',
    up: (s) => `
      alter table ${s}.work_list add column calendar jsonb;
      comment on column ${s}.work_list.calendar is 'The holiday table version and office hours the dossier was received under (DossierReceived.calendar), JSON; null for dossiers received before it was recorded (the default hours). Time left and due_soon_from are counted in it.';
    `,
  },
];

/** Builds work_list from processing's own log, in the same transaction as its checkpoint. */
@Injectable()
export class WorkListProjection extends LogProjection {

  constructor(@Inject(DATABASE) private readonly db: PgDatabase) {
    super(db, 'processing', 'work-list');
  }

  protected async apply(events: RecordedEvent[]): Promise<void> {
    for (const recorded of events) {
      const event = { type: recorded.type, data: recorded.data } as CaseEvent;
      const id = event.data.dossierId;
      const set = (columns: string, ...values: unknown[]) => this.db.query(`update processing.work_list set ${columns} where dossier_id = $1`, [id, ...values]);
      switch (event.type) {
        case 'CaseOpened': {
          const d = event.data;
          await this.db.query(
            `insert into processing.work_list (dossier_id, code, unit, procedure_code, channel, received_at, agency, step, status, due_at, due_soon_from, calendar)
             values ($1, $2, $3, $4, $5, $6, $3, 0, 'OPEN', $7, $8, $9) on conflict (dossier_id) do nothing`,
            [id, d.code, d.unit, d.procedure.code, d.channel, d.receivedAt, d.dueAt, dueSoonFrom(new Date(d.dueAt), calendarFor(d.calendar)).toISOString(), d.calendar ?? null],
          );
          break;
        }
        case 'CaseAssigned':
          await set('agency = $2, step = $3, department = $4, officer_id = $5', event.data.agency, event.data.step, event.data.department ?? null, event.data.officerId ?? null);
          break;
        case 'ProcessingPaused':
          await set(`status = 'PAUSED', paused_reason = $2, paused_since = $3`, event.data.reason, event.data.pausedAt);
          break;
        case 'ProcessingResumed':
          await set(`status = 'OPEN', paused_reason = null, paused_since = null, due_at = $2, due_soon_from = $3`, event.data.dueAt, await this.dueSoonFrom(id, event.data.dueAt));
          break;
        case 'DeadlineExtended':
          await set('due_at = $2, due_soon_from = $3', event.data.dueAt, await this.dueSoonFrom(id, event.data.dueAt));
          break;
        case 'DossierResolved':
        case 'ProcessingStopped':
        case 'CaseWithdrawn':
          await this.db.query(`delete from processing.work_list where dossier_id = $1`, [id]);
          break;
        case 'CaseTransferred':
          await set(
            'unit = case unit when $2 then $3 else unit end, agency = case agency when $2 then $3 else agency end',
            event.data.fromUnit,
            event.data.toUnit,
          );
          break;
        case 'CaseHandedOff':
        case 'SupplementRequested':
        case 'DossierDueSoon':
        case 'DossierOverdue':
        case 'ApologyIssued':
        case 'PaymentOverdue':
          break;
        default:
          return assertNeverEvent(event);
      }
    }
  }

  /** Derived here, in the calendar the dossier was received under, so that the list can filter on it in SQL. */
  private async dueSoonFrom(dossierId: string, dueAt: string): Promise<string> {
    const { rows } = await this.db.query<{ calendar: CalendarTerms | null }>('select calendar from processing.work_list where dossier_id = $1', [dossierId]);
    return dueSoonFrom(new Date(dueAt), calendarFor(rows[0]?.calendar ?? undefined)).toISOString();
  }

}

/** The compiler names a case event this switch forgot; at run time an unknown type is skipped. */
function assertNeverEvent(event: never): void {
  void event;
}
