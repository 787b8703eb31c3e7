import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { PgDatabase } from '@motcua/event-store';
import { assertUnit, DATABASE, ForbiddenError, toPage, ValidationFailedError } from '@motcua/platform';
import { ListResults, ResultList, ResultListItem, RESULTS_CURSOR } from './list-results.query';

interface Row {
  dossier_id: string;
  code: string;
  unit: string;
  issuer: string;
  procedure_code: string;
  procedure_version: number;
  outcome: ResultListItem['outcome'];
  status: ResultListItem['status'];
  resolved_at: Date;
  form: ResultListItem['form'];
  issued_at: Date | null;
  blocked_reason: string | null;
  blocked_at: Date | null;
  switched_to_paper_at: Date | null;
  completed_at: Date | null;
}

/** Reads the results projection: newest decisions first, a page at a time. */
@QueryHandler(ListResults)
export class ListResultsHandler implements IQueryHandler<ListResults, ResultList> {
  constructor(@Inject(DATABASE) private readonly db: PgDatabase) {}

  async execute({ officer, filter }: ListResults): Promise<ResultList> {
    // The route admits officers only; should a portal ever reach here, it must not read every unit's results.
    if (officer.kind !== 'officer') throw new ForbiddenError('AUTH.ROLE_NOT_ALLOWED', 'Results are listed for officers only');
    // An officer sees their own unit's results; an administrator names a unit or sees all.
    const unit = filter.unit ?? (officer.role === 'ADMIN' ? undefined : officer.unit);
    if (unit === undefined && officer.role !== 'ADMIN') throw new ValidationFailedError([{ field: 'unit', message: 'unit is required' }]);
    if (unit !== undefined) assertUnit(officer, unit);
    const rows = await this.db.query<Row>(
      `select * from issuance.results
       where ($1::text is null or unit = $1 or issuer = $1) and ($2::text is null or status = $2)
         and ($3::timestamptz is null or (resolved_at, dossier_id) < ($3, $4::uuid))
       order by resolved_at desc, dossier_id desc limit $5`,
      [unit ?? null, filter.status ?? null, filter.after?.resolvedAt ?? null, filter.after?.dossierId ?? null, filter.limit + 1],
    );
    return toPage(rows.rows, filter.limit, RESULTS_CURSOR, (row) => [row.resolved_at.toISOString(), row.dossier_id], toItem);
  }
}

function toItem(row: Row): ResultListItem {
  return {
    dossierId: row.dossier_id,
    code: row.code,
    unit: row.unit,
    issuer: row.issuer,
    procedure: { code: row.procedure_code, version: row.procedure_version },
    outcome: row.outcome,
    status: row.status,
    resolvedAt: row.resolved_at.toISOString(),
    form: row.form,
    issuedAt: row.issued_at?.toISOString() ?? null,
    blocked: row.blocked_reason && row.blocked_at ? { reason: row.blocked_reason, since: row.blocked_at.toISOString() } : null,
    switchedToPaperAt: row.switched_to_paper_at?.toISOString() ?? null,
    completedAt: row.completed_at?.toISOString() ?? null,
  };
}
