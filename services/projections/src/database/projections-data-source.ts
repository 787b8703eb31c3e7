import { DataSourceOptions } from 'typeorm';
import { ConsumedOffsetEntity } from '../projections/consumed-offsets/consumed-offset.entity';
import { ProjectedEventEntity } from '../projections/consumed-offsets/projected-event.entity';
import { DossierFactEntity } from '../projections/dossier-facts/dossier-fact.entity';
import { TimelineEntryEntity } from '../projections/dossier-timeline/timeline-entry.entity';
import { ProcedureEntity } from '../projections/units/procedure.entity';
import { UnitEntity } from '../projections/units/unit.entity';
import { IndicatorContributionEntity, IndicatorDirtyDossierEntity, IndicatorTotalEntity } from '../projections/indicator-totals/indicator-totals.entities';
import { DossierFacts1764633600001 } from './migrations/1764633600001-dossier-facts';
import { DossierTimeline1764633600002 } from './migrations/1764633600002-dossier-timeline';
import { Catalogue1764633600003 } from './migrations/1764633600003-catalogue';
import { ConsumedOffsets1764633600004 } from './migrations/1764633600004-consumed-offsets';
import { IndicatorViews1764633600005 } from './migrations/1764633600005-indicator-views';
import { DossierPortal1764633600006 } from './migrations/1764633600006-dossier-portal';
import { IndicatorIndexes1764633600007 } from './migrations/1764633600007-indicator-indexes';
import { ViewPeriodComment1764633600008 } from './migrations/1764633600008-view-period-comment';
import { IndicatorTotals1764633600009 } from './migrations/1764633600009-indicator-totals';
import { DossierCalendarTerms1764633600010 } from './migrations/1764633600010-dossier-calendar-terms';
import { checkedSchema, PROJECTIONS_SCHEMA } from './projections-schema';
import { SnakeNamingStrategy } from './snake-naming.strategy';

export const projectionEntities = [DossierFactEntity, TimelineEntryEntity, UnitEntity, ProcedureEntity, ConsumedOffsetEntity, ProjectedEventEntity, IndicatorDirtyDossierEntity, IndicatorContributionEntity, IndicatorTotalEntity];
export const projectionMigrations = [DossierFacts1764633600001, DossierTimeline1764633600002, Catalogue1764633600003, ConsumedOffsets1764633600004, IndicatorViews1764633600005, DossierPortal1764633600006, IndicatorIndexes1764633600007, ViewPeriodComment1764633600008, IndicatorTotals1764633600009, DossierCalendarTerms1764633600010];

/**
 * The read models' data source: entities and migrations, never `synchronize`. The schema is a
 * parameter so that a rebuild can migrate and fill a fresh schema beside the live one.
 */
export function projectionsDataSourceOptions(url: string, schema: string = PROJECTIONS_SCHEMA): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    schema: checkedSchema(schema),
    entities: projectionEntities,
    migrations: projectionMigrations,
    migrationsTableName: 'typeorm_migrations',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    extra: { max: 10 },
  };
}
