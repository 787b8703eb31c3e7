export * from './indicator-input';
export * from './indicator-catalogue';
export * from './periods';
export { finishedAt, finishedVerdict, verdictAtPeriodEnd, type Judgement } from './dossier-clock';
export { contribution, eResultRequired, type Contribution } from './indicator-rules';
export * from './indicator-report';
export { DUE_SOON_WORKING_MINUTES, dueSoonFrom, finishedOnTime, resolutionWorkingMinutes } from './derived-facts';
export { GROUP_COLUMNS, indicatorQuery, type IndicatorSqlQuery } from './indicator-sql';
export { indicatorView, indicatorViews, type ViewDefinition } from './indicator-views';
