import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { calendarFor, CalendarTerms } from '@motcua/calendar';
import { PgDatabase } from '@motcua/event-store';
import { assertUnit, CLOCK, Clock, DATABASE, ForbiddenError, toPage } from '@motcua/platform';
import { assigneeScope } from './assignee-scope';
import { caseStanding } from '../../domain/work-list/case-standing';
import { ListWork, WORK_LIST_CURSOR, WorkItem, WorkList } from './list-work.query';

interface Row {
  dossier_id: string;
  code: string;
  unit: string;
  procedure_code: string;
  channel: string;
  received_at: Date;
  agency: string;
  step: number;
  department: string | null;
  officer_id: string | null;
  status: 'OPEN' | 'PAUSED';
  paused_reason: 'SUPPLEMENT' | 'AWAITING_PAYMENT' | null;
  paused_since: Date | null;
  due_at: Date;
  due_soon_from: Date;
  calendar: CalendarTerms | null;
}

/** Reads processing's work_list: the cases an officer may work on, most urgent first. */
@QueryHandler(ListWork)
export class ListWorkHandler implements IQueryHandler<ListWork, WorkList> {

  constructor(
    @Inject(DATABASE) private readonly db: PgDatabase,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ officer, filter }: ListWork): Promise<WorkList> {
    if (officer.kind !== 'officer') throw new ForbiddenError('AUTH.ROLE_NOT_ALLOWED', 'The work list is for officers only');
    // An officer lists their own agency's cases; an administrator names an agency or sees all.
    const agency = filter.agency ?? (officer.role === 'ADMIN' ? undefined : officer.unit);
    if (agency !== undefined) assertUnit(officer, agency);
    const assignee = assigneeScope(officer, filter.assignee);
    const now = this.clock.now();
    const { rows } = await this.db.query<Row>(
      `with listed as (select *, least(coalesce(paused_since, $7::timestamptz), $7::timestamptz) as judged_at from processing.work_list)
       select * from listed
       where ($1::text is null or agency = $1)
         and case $2::text when 'ANY' then true when 'NONE' then officer_id is null when 'OFFICER' then officer_id = $3 else officer_id is null or officer_id = $3 end
         and ($4::text is null or status = $4)
         and ($5::text is null or procedure_code = $5)
         and (case $6::text when 'OVERDUE' then due_at < judged_at when 'DUE_SOON' then due_at >= judged_at and due_soon_from <= judged_at else true end)
         and ($8::timestamptz is null or (due_at, dossier_id) > ($8, $9::uuid))
       order by due_at, dossier_id limit $10`,
      [
        agency ?? null,
        assignee.mode,
        'officerId' in assignee ? assignee.officerId : null,
        filter.status ?? null,
        filter.procedure ?? null,
        filter.flag ?? null,
        now,
        filter.after?.[0] ?? null,
        filter.after?.[1] ?? null,
        filter.limit + 1,
      ],
    );
    const page = toPage(rows, filter.limit, WORK_LIST_CURSOR, (row) => [row.due_at.toISOString(), row.dossier_id], (row) => this.item(row, now));
    return { agency: agency ?? null, ...page };
  }

  private item(row: Row, now: Date): WorkItem {
    const standing = caseStanding({ dueAt: row.due_at, dueSoonFrom: row.due_soon_from, pausedSince: row.paused_since ?? undefined }, now, calendarFor(row.calendar ?? undefined));
    return {
      dossierId: row.dossier_id,
      code: row.code,
      procedureCode: row.procedure_code,
      channel: row.channel,
      unit: row.unit,
      agency: row.agency,
      step: row.step,
      receivedAt: row.received_at.toISOString(),
      dueAt: row.due_at.toISOString(),
      ...standing,
      status: row.status,
      paused: row.paused_reason && row.paused_since ? { reason: row.paused_reason, since: row.paused_since.toISOString() } : null,
      assignee: row.department || row.officer_id ? { department: row.department, officerId: row.officer_id } : null,
    };
  }
}
