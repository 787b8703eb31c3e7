// From the statistics API's rows to what the panels draw. Pure: no DOM, no fetch.

export const RATE_IDS = ['on_time', 'online_share', 'digitisation', 'e_result', 'data_reuse', 'online_payment'];
export const COUNT_IDS = ['due_soon', 'overdue_in_progress'];

/** The 766 groups these indicators score in (sections 2, 3 and 4; see indicator-catalogue.ts) and the decision's group totals. */
export const GROUPS_766 = [
  { key: 'progress', ids: ['on_time'], total: 20 },
  { key: 'onlineService', ids: ['online_share', 'online_payment'], total: 22 },
  { key: 'digitisationGroup', ids: ['e_result', 'digitisation', 'data_reuse'], total: 22 },
];

/** 'YYYY-MM' months from one to the other, both included. */
export function monthsBetween(from, to) {
  const months = [];
  let [y, m] = from.split('-').map(Number);
  const [ty, tm] = to.split('-').map(Number);
  while (y < ty || (y === ty && m <= tm)) {
    months.push(`${y}-${String(m).padStart(2, '0')}`);
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  }
  return months;
}

export function lastDayOf(month) {
  const [y, m] = month.split('-').map(Number);
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
}

/** One row per month and unit today; with a channel the report is grouped by channel too and only its rows are kept. */
export function unitRows(report, channel) {
  return report.rows
    .filter((row) => !channel || row.group.channel === channel)
    .map((row) => ({ period: row.period, unit: row.group.successorUnit ?? '—', indicators: row.indicators }));
}

export function unitsOf(rows) {
  return [...new Set(rows.map((r) => r.unit))].sort();
}

export function figureOf(rows, period, unit, id) {
  return rows.find((r) => r.period === period && r.unit === unit)?.indicators[id] ?? null;
}

/** The scope's figure: numerators and denominators add up across units (each dossier has one unit today); the rate and points follow. */
export function scopeFigure(rows, period, id) {
  let numerator = 0;
  let denominator = 0;
  let scoring = null;
  for (const row of rows.filter((r) => r.period === period)) {
    const figure = row.indicators[id];
    if (!figure) continue;
    numerator += figure.numerator;
    denominator += figure.denominator;
    if (figure.threshold !== null && figure.maxPoints !== null) scoring = { threshold: figure.threshold, maxPoints: figure.maxPoints };
  }
  const rate = denominator === 0 ? null : numerator / denominator;
  const points = rate === null || scoring === null ? null : rate >= scoring.threshold ? scoring.maxPoints : (rate * scoring.maxPoints) / scoring.threshold;
  return { numerator, denominator, rate, points, maxPoints: scoring?.maxPoints ?? null };
}

export function groupPoints(rows, period, group) {
  return group.ids.reduce((sum, id) => sum + (scopeFigure(rows, period, id).points ?? 0), 0);
}

export function percent(rate) {
  return rate === null || rate === undefined ? null : Math.round(rate * 1000) / 10;
}
