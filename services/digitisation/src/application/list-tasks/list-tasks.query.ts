import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { PgDatabase, quoteSchema } from '@motcua/event-store';
import { pageCursor, toPage } from '@motcua/platform';
import type { Page, Principal } from '@motcua/platform';

/** Oldest first: (since, dossier_id, kind, component_id), the component's id empty for a paper result. */
export const TASKS_CURSOR = pageCursor('instant', 'uuid', 'text', 'text');
type TaskKeys = [string, string, string, string];

/** The open scanning tasks of a unit: paper components received at its desk and paper results issued there, except withdrawn dossiers'. */
export class ListDigitisationTasks {
  constructor(
    readonly officer: Principal,
    /** ADMIN names the unit; other officers see their own. */
    readonly unit: string | undefined,
    readonly page: { after?: TaskKeys; limit: number },
  ) {}
}

export interface DigitisationTask {
  kind: 'COMPONENT' | 'RESULT';
  dossierId: string;
  code: string;
  componentId?: string;
  /** The component's name, or the paper result's document number. */
  name: string;
  since: string;
}

export type DigitisationTaskList = Page<DigitisationTask> & { unit: string };

/** The tasks as the tables hold them, in the service's schema. */
export class DigitisationTasksReader {
  private readonly s: string;

  constructor(
    private readonly db: PgDatabase,
    schema: string,
  ) {
    this.s = quoteSchema(schema);
  }

  async of(unit: string, page: { after?: TaskKeys; limit: number }): Promise<Page<DigitisationTask>> {
    const { rows } = await this.db.query<{ kind: 'COMPONENT' | 'RESULT'; dossier_id: string; code: string; component_id: string | null; name: string; since: Date }>(
      `select * from (
       select 'COMPONENT' as kind, c.dossier_id, d.code, c.component_id, c.name, c.since
         from ${this.s}.dossier_components c join ${this.s}.dossiers d using (dossier_id)
        where c.status = 'AWAITING_SCAN' and d.unit = $1 and d.closed_at is null
       union all
       select 'RESULT', r.dossier_id, d.code, null, r.document_number, r.issued_at
         from ${this.s}.paper_results r join ${this.s}.dossiers d using (dossier_id)
        where r.status = 'AWAITING_SCAN' and d.unit = $1 and d.closed_at is null
       ) tasks
       where $2::timestamptz is null or (since, dossier_id, kind, coalesce(component_id, '')) > ($2, $3::uuid, $4::text, $5::text)
       order by since, dossier_id, kind, coalesce(component_id, '') limit $6`,
      [unit, ...(page.after ?? [null, null, null, null]), page.limit + 1],
    );
    return toPage(
      rows,
      page.limit,
      TASKS_CURSOR,
      (r) => [r.since.toISOString(), r.dossier_id, r.kind, r.component_id ?? ''],
      (r) => ({ kind: r.kind, dossierId: r.dossier_id, code: r.code, ...(r.component_id ? { componentId: r.component_id } : {}), name: r.name, since: r.since.toISOString() }),
    );
  }
}

@QueryHandler(ListDigitisationTasks)
export class ListDigitisationTasksHandler implements IQueryHandler<ListDigitisationTasks, DigitisationTaskList> {
  constructor(private readonly tasks: DigitisationTasksReader) {}

  async execute({ officer, unit, page }: ListDigitisationTasks): Promise<DigitisationTaskList> {
    const of = officer.kind === 'officer' && officer.role === 'ADMIN' && unit ? unit : officer.kind === 'officer' ? officer.unit : '';
    return { unit: of, ...(await this.tasks.of(of, page)) };
  }
}
