import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { PgDatabase } from '@motcua/event-store';
import { assertUnit, CLOCK, Clock, DATABASE, ForbiddenError, toPage, ValidationFailedError } from '@motcua/platform';
import { ListReceptionQueue, QueueItem, RECEPTION_QUEUE_CURSOR, ReceptionQueue } from './list-reception-queue.query';

interface Row {
  dossier_id: string;
  code: string;
  procedure_code: string;
  channel: QueueItem['channel'];
  submitted_at: Date;
  status: QueueItem['status'];
  since: Date;
  missing: string[] | null;
}

const DAY_MS = 86_400_000;

/** Reads intake's reception_queue: a unit's waiting dossiers, oldest first. */
@QueryHandler(ListReceptionQueue)
export class ListReceptionQueueHandler implements IQueryHandler<ListReceptionQueue, ReceptionQueue> {
  constructor(
    @Inject(DATABASE) private readonly db: PgDatabase,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ officer, filter }: ListReceptionQueue): Promise<ReceptionQueue> {
    if (officer.kind !== 'officer') throw new ForbiddenError('AUTH.ROLE_NOT_ALLOWED', 'The reception queue is for officers only');
    const unit = filter.unit ?? (officer.role === 'ADMIN' ? undefined : officer.unit);
    if (unit === undefined) throw new ValidationFailedError([{ field: 'unit', message: 'unit is required' }]);
    assertUnit(officer, unit);
    if (filter.minAgeDays !== undefined && filter.maxAgeDays !== undefined && filter.minAgeDays > filter.maxAgeDays) {
      throw new ValidationFailedError([{ field: 'minAgeDays', message: 'minAgeDays must not exceed maxAgeDays' }]);
    }
    const now = this.clock.now();
    // Waited at least n whole days: entered its status no later than n days ago; at most n: less than n + 1 days ago.
    const enteredBy = filter.minAgeDays === undefined ? null : new Date(now.getTime() - filter.minAgeDays * DAY_MS);
    const enteredAfter = filter.maxAgeDays === undefined ? null : new Date(now.getTime() - (filter.maxAgeDays + 1) * DAY_MS);
    const { rows } = await this.db.query<Row>(
      `select dossier_id, code, procedure_code, channel, submitted_at, status, since, missing from intake.reception_queue
       where unit = $1 and status not in ('IN_PROCESSING', 'RESOLVED')
         and ($2::text is null or status = $2) and ($3::text is null or procedure_code = $3) and ($4::text is null or channel = $4)
         and ($5::timestamptz is null or since <= $5) and ($6::timestamptz is null or since > $6)
         and ($7::timestamptz is null or (since, dossier_id) > ($7, $8::uuid))
       order by since, dossier_id limit $9`,
      [unit, filter.status ?? null, filter.procedure ?? null, filter.channel ?? null, enteredBy, enteredAfter, filter.after?.[0] ?? null, filter.after?.[1] ?? null, filter.limit + 1],
    );
    const page = toPage(rows, filter.limit, RECEPTION_QUEUE_CURSOR, (row) => [row.since.toISOString(), row.dossier_id], (row) => toItem(row, now));
    return { unit, ...page };
  }
}

function toItem(row: Row, now: Date): QueueItem {
  return {
    dossierId: row.dossier_id,
    code: row.code,
    procedureCode: row.procedure_code,
    channel: row.channel,
    submittedAt: row.submitted_at.toISOString(),
    status: row.status,
    since: row.since.toISOString(),
    ageDays: Math.max(0, Math.floor((now.getTime() - row.since.getTime()) / DAY_MS)),
    missing: row.missing,
  };
}
