import { figuresOfReport, NO_UNIT, type IndicatorReportBody } from './statistics-figures';

// Shaped as GET /v1/statistics/indicators?…&groupBy=unit&units=reception answers (IndicatorReportView).
const BODY = JSON.parse(`{
  "rows": [
    { "period": "2025-01", "group": { "unit": "H56.22" },
      "indicators": {
        "on_time": { "numerator": 4, "denominator": 6, "rate": 0.6666666666666666, "threshold": 0.8, "maxPoints": 20, "points": 16.666666666666664 },
        "avg_resolution_time": { "numerator": 3.4666666666666663, "denominator": 2, "rate": 1.7333333333333332, "threshold": null, "maxPoints": null, "points": null, "timeUnit": "WORKING_DAYS" },
        "in_progress": { "numerator": 2, "denominator": 6, "rate": 0.3333333333333333, "threshold": null, "maxPoints": null, "points": null } } },
    { "period": "2025-01", "group": { "unit": "H56.23" },
      "indicators": { "online_payment": { "numerator": 0, "denominator": 1, "rate": 0, "threshold": 0.8, "maxPoints": 6, "points": 0 } } },
    { "period": "2025-02", "group": { "unit": null },
      "indicators": { "data_reuse": { "numerator": 1, "denominator": 1, "rate": 1, "threshold": 0.8, "maxPoints": 2, "points": 2 } } }
  ]
}`) as IndicatorReportBody;

describe("the projections' report as figures", () => {
  it('gives one figure per row and indicator, by period and unit at reception, with the unit of an average', () => {
    expect(figuresOfReport(BODY)).toEqual([
      { period: '2025-01', unit: 'H56.22', indicator: 'on_time', numerator: 4, denominator: 6 },
      { period: '2025-01', unit: 'H56.22', indicator: 'avg_resolution_time', numerator: 3.4666666666666663, denominator: 2, timeUnit: 'WORKING_DAYS' },
      { period: '2025-01', unit: 'H56.22', indicator: 'in_progress', numerator: 2, denominator: 6 },
      { period: '2025-01', unit: 'H56.23', indicator: 'online_payment', numerator: 0, denominator: 1 },
      { period: '2025-02', unit: NO_UNIT, indicator: 'data_reuse', numerator: 1, denominator: 1 },
    ]);
  });

  it('gives nothing for an empty report, and refuses an answer that is not a report', () => {
    expect(figuresOfReport({ rows: [] })).toEqual([]);
    expect(() => figuresOfReport({ type: 'about:blank', status: 403 } as unknown as IndicatorReportBody)).toThrow('no rows');
  });
});
