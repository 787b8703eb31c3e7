import { Entity, EntitySchema, PrimaryColumn, type EntitySchemaColumnOptions } from 'typeorm';
import { GROUP_COLUMNS, MEASURE_COLUMNS } from '../../domain/indicators';

/** A dossier whose facts changed since its contributions were computed (see the migration's comments). */
@Entity({ name: 'indicator_dirty_dossiers' })
export class IndicatorDirtyDossierEntity {
  @PrimaryColumn({ type: 'uuid' }) dossierId: string;
}

export type IndicatorSumsRow = Record<string, string | number | Date | null>;

// Wide rows, one float8 per indicator part: the columns follow the catalogue, so they are listed from it, not by hand.
const measures = Object.fromEntries(MEASURE_COLUMNS.map((name): [string, EntitySchemaColumnOptions] => [name, { type: 'float8', name }]));
const groups = Object.fromEntries(Object.values(GROUP_COLUMNS).map((name): [string, EntitySchemaColumnOptions] => [name, { type: 'text', nullable: true, name }]));
const period: Record<string, EntitySchemaColumnOptions> = {
  period_kind: { type: 'text', primary: true, name: 'period_kind' },
  period_start: { type: 'timestamptz', primary: true, name: 'period_start' },
  period: { type: 'text', name: 'period' },
};

/** What one finished dossier counts for in one period: written and read by the totals drain in SQL. */
export const IndicatorContributionEntity = new EntitySchema<IndicatorSumsRow>({
  name: 'indicator_contributions',
  tableName: 'indicator_contributions',
  columns: { dossier_id: { type: 'uuid', primary: true, name: 'dossier_id' }, ...period, ...groups, settled_at: { type: 'timestamptz', name: 'settled_at' }, ...measures },
});

/** The contributions summed per period and finest group (unique per both, nulls equal). */
export const IndicatorTotalEntity = new EntitySchema<IndicatorSumsRow>({
  name: 'indicator_totals',
  tableName: 'indicator_totals',
  columns: { ...period, ...groups, dossiers: { type: 'bigint', name: 'dossiers' }, ...measures },
  uniques: [{ name: 'indicator_totals_group', columns: ['period_kind', 'period_start', ...Object.values(GROUP_COLUMNS)] }],
});
