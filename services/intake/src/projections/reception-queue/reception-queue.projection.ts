import { Inject, Injectable } from '@nestjs/common';
import { PgDatabase, RecordedEvent } from '@motcua/event-store';
import type { Migration } from '@motcua/event-store';
import { LogProjection } from '@motcua/messaging';
import { DATABASE } from '@motcua/platform';
import type { DossierEvent } from '../../domain/dossier/dossier.events';

export const receptionQueueMigrations: Migration[] = [
  {
    id: 'intake/006_reception_queue',
    up: (s) => `
      create table ${s}.reception_queue (
        dossier_id uuid primary key,
        code text not null,
        unit text not null,
        procedure_code text not null,
        channel text not null check (channel in ('ONLINE', 'COUNTER', 'POSTAL')),
        submitted_at timestamptz not null,
        status text not null check (status in ('AWAITING_RECEPTION', 'RETURNED', 'IN_PROCESSING', 'AWAITING_SUPPLEMENT')),
        since timestamptz not null,
        missing jsonb
      );
      create index reception_queue_waiting on ${s}.reception_queue (unit, since, dossier_id) where status <> 'IN_PROCESSING';
      comment on table ${s}.reception_queue is 'Dossiers the one-stop desk is not done with, one row each, for the reception queue; a rejected, withdrawn or concluded dossier leaves it. Built from intake''s own log.';
      comment on column ${s}.reception_queue.unit is 'The receiving unit, whose desk the dossier waits at.';
      comment on column ${s}.reception_queue.status is 'AWAITING_RECEPTION: submitted (or resubmitted after a return), for the desk to receive, return or reject; RETURNED: returned at reception (Mẫu 02), waiting for the applicant; AWAITING_SUPPLEMENT: processing asked for a supplement, the desk waits for the documents; IN_PROCESSING: received, nothing for the desk (not listed).';
      comment on column ${s}.reception_queue.since is 'When the dossier entered its status: the queue''s order (oldest first, dossier_id breaking ties) and its age.';
      comment on column ${s}.reception_queue.missing is 'What the applicant was asked for (RETURNED, AWAITING_SUPPLEMENT): a JSON array of texts; null otherwise.';
    `,
  },
  {
    // Resolved dossiers stay until their result is delivered: a reorganisation moves every dossier
    // still in flight. The queue is rebuilt from the log, so the resolved ones it dropped come back.
    id: 'intake/007_reception_queue_in_flight',
    up: (s) => `
      alter table ${s}.reception_queue drop constraint reception_queue_status_check;
      alter table ${s}.reception_queue add constraint reception_queue_status_check
        check (status in ('AWAITING_RECEPTION', 'RETURNED', 'IN_PROCESSING', 'AWAITING_SUPPLEMENT', 'RESOLVED'));
      drop index ${s}.reception_queue_waiting;
      create index reception_queue_waiting on ${s}.reception_queue (unit, since, dossier_id) where status not in ('IN_PROCESSING', 'RESOLVED');
      create index reception_queue_unit on ${s}.reception_queue (unit, status);
      truncate ${s}.reception_queue;
      delete from ${s}.checkpoints where subscription = 'projection:reception-queue';
      comment on table ${s}.reception_queue is 'Every dossier still in flight, one row each: waiting at the desk (the reception queue), in processing, or resolved with its result not yet delivered; a rejected, withdrawn, stopped or completed dossier leaves it. What a reorganisation of units moves. Built from intake''s own log.';
      comment on column ${s}.reception_queue.unit is 'The unit holding the dossier: the receiving unit, or its successor after a reorganisation moved it.';
      comment on column ${s}.reception_queue.status is 'AWAITING_RECEPTION: submitted (or resubmitted after a return), for the desk to receive, return or reject; RETURNED: returned at reception (Mẫu 02), waiting for the applicant; AWAITING_SUPPLEMENT: processing asked for a supplement, the desk waits for the documents; IN_PROCESSING: received, nothing for the desk; RESOLVED: decided, the result not yet delivered. The reception queue lists the first three.';
    `,
  },
];

/** Builds reception_queue from intake's own log, in the same transaction as its checkpoint. */
@Injectable()
export class ReceptionQueueProjection extends LogProjection {
  constructor(@Inject(DATABASE) private readonly db: PgDatabase) {
    super(db, 'intake', 'reception-queue');
  }

  protected async apply(events: RecordedEvent[]): Promise<void> {
    for (const recorded of events) {
      const event = { type: recorded.type, data: recorded.data } as DossierEvent;
      if (!isDossierEvent(event)) continue;
      const id = event.data.dossierId;
      const set = (status: string, since: string, missing: string[] | null = null) =>
        this.db.query(`update intake.reception_queue set status = $2, since = $3, missing = $4 where dossier_id = $1`, [id, status, since, missing === null ? null : JSON.stringify(missing)]);
      switch (event.type) {
        case 'DossierSubmitted': {
          const d = event.data;
          await this.db.query(
            `insert into intake.reception_queue (dossier_id, code, unit, procedure_code, channel, submitted_at, status, since)
             values ($1, $2, $3, $4, $5, $6, 'AWAITING_RECEPTION', $6) on conflict (dossier_id) do nothing`,
            [id, d.code, d.unit, d.procedureCode, d.channel, d.submittedAt],
          );
          break;
        }
        case 'DossierReturnedForSupplement':
          await set('RETURNED', event.data.returnedAt, event.data.missing);
          break;
        case 'DossierReceived':
          await set('IN_PROCESSING', event.data.receivedAt);
          break;
        case 'SupplementAwaited':
          await set('AWAITING_SUPPLEMENT', event.data.requestedAt, event.data.missing);
          break;
        case 'SupplementProvided':
          // Before reception the dossier is back at the desk; after it, processing resumes.
          await this.db.query(
            `update intake.reception_queue set status = case status when 'RETURNED' then 'AWAITING_RECEPTION' else 'IN_PROCESSING' end, since = $2, missing = null
             where dossier_id = $1 and status in ('RETURNED', 'AWAITING_SUPPLEMENT')`,
            [id, event.data.providedAt],
          );
          break;
        case 'DossierTransferred':
          await this.db.query(`update intake.reception_queue set unit = $2 where dossier_id = $1`, [id, event.data.toUnit]);
          break;
        case 'ProcessingConcluded':
          if (event.data.how === 'RESOLVED') await set('RESOLVED', event.data.concludedAt);
          else await this.db.query(`delete from intake.reception_queue where dossier_id = $1`, [id]);
          break;
        case 'DossierRejected':
        case 'DossierWithdrawn':
        case 'CompletionNoted':
          await this.db.query(`delete from intake.reception_queue where dossier_id = $1`, [id]);
          break;
        default:
          assertNeverEvent(event);
      }
    }
  }
}

const DOSSIER_EVENT_TYPES = new Set<string>([
  'DossierSubmitted',
  'DossierReturnedForSupplement',
  'DossierReceived',
  'DossierRejected',
  'SupplementProvided',
  'DossierWithdrawn',
  'SupplementAwaited',
  'ProcessingConcluded',
  'DossierTransferred',
  'CompletionNoted',
]);

/** Intake's log also holds the catalogue's streams, which the queue skips. */
function isDossierEvent(event: { type: string }): event is DossierEvent {
  return DOSSIER_EVENT_TYPES.has(event.type);
}

/** The compiler names a dossier event this switch forgot. */
function assertNeverEvent(event: never): void {
  void event;
}
