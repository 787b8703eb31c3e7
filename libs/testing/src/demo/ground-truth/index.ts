export { groundTruth, type Figure } from './ground-truth';
export { fetchStatistics, figuresOfReport, type IndicatorReportBody } from './statistics-figures';
export { formatReconciliation, reconcile, type ReconciledRow, type Reconciliation } from './reconcile';
export { INDICATOR_IDS, type IndicatorId } from './indicator-rules';
