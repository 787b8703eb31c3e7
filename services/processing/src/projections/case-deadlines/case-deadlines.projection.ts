import { Inject, Injectable } from '@nestjs/common';
import { PgDatabase, RecordedEvent } from '@motcua/event-store';
import type { Migration } from '@motcua/event-store';
import { LogProjection } from '@motcua/messaging';
import { DATABASE } from '@motcua/platform';
import type { CaseEvent } from '../../domain/case/case.events';

export const caseDeadlinesMigrations: Migration[] = [
  {
    id: 'processing/001_case_deadlines',
    up: (s) => `
      create table ${s}.case_deadlines (
        dossier_id uuid primary key,
        due_at timestamptz,
        status text not null check (status in ('OPEN', 'PAUSED', 'CLOSED')),
        agency text not null,
        due_soon_notified boolean not null default false,
        overdue_recorded boolean not null default false
      );
      create index case_deadlines_open_due on ${s}.case_deadlines (due_at) where status = 'OPEN';
      comment on table ${s}.case_deadlines is 'Where each handling case stands against its due date; the deadline scheduler reads it.';
    `,
  },
  {
    // The scheduler pages through its candidates on (due_at, dossier_id); recorded overdue cases are never candidates again.
    id: 'processing/002_case_deadlines_candidates',
    up: (s) => `
      drop index ${s}.case_deadlines_open_due;
      create index case_deadlines_candidates on ${s}.case_deadlines (due_at, dossier_id) where status = 'OPEN' and not overdue_recorded;
    `,
  },
];

/** Builds case_deadlines from processing's own log, in the same transaction as its checkpoint. */
@Injectable()
export class CaseDeadlinesProjection extends LogProjection {
  constructor(@Inject(DATABASE) private readonly db: PgDatabase) {
    super(db, 'processing', 'case-deadlines');
  }

  protected async apply(events: RecordedEvent[]): Promise<void> {
    for (const recorded of events) {
      const event = { type: recorded.type, data: recorded.data } as CaseEvent;
      const id = event.data.dossierId;
      const set = (columns: string, ...values: unknown[]) =>
        this.db.query(`update processing.case_deadlines set ${columns} where dossier_id = $1`, [id, ...values]);
      switch (event.type) {
        case 'CaseOpened':
          await this.db.query(
            `insert into processing.case_deadlines (dossier_id, due_at, status, agency) values ($1, $2, 'OPEN', $3) on conflict (dossier_id) do nothing`,
            [id, event.data.dueAt, event.data.unit],
          );
          break;
        case 'CaseAssigned':
          await set('agency = $2', event.data.agency);
          break;
        case 'ProcessingPaused':
          await set(`status = 'PAUSED'`);
          break;
        case 'ProcessingResumed':
          await set(`status = 'OPEN', due_at = $2`, event.data.dueAt);
          break;
        case 'DeadlineExtended':
          await set('due_at = $2', event.data.dueAt);
          break;
        case 'DossierDueSoon':
          await set('due_soon_notified = true');
          break;
        case 'DossierOverdue':
          await set('overdue_recorded = true');
          break;
        case 'CaseTransferred':
          await set('agency = case agency when $2 then $3 else agency end', event.data.fromUnit, event.data.toUnit);
          break;
        case 'DossierResolved':
        case 'ProcessingStopped':
        case 'CaseWithdrawn':
          await set(`status = 'CLOSED'`);
          break;
        default:
          break;
      }
    }
  }
}
