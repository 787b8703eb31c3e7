// The page's only door to the figures: the /v1 API under the officer's token, which decides the role and units.

const TOKEN_KEY = 'motcua.dashboard.token';

/** Kept for the tab only (sessionStorage), never in the address or a cookie the API would take without asking. */
export const token = {
  get: () => sessionStorage.getItem(TOKEN_KEY) ?? '',
  set: (value) => sessionStorage.setItem(TOKEN_KEY, value.trim().replace(/^Bearer\s+/i, '')),
  clear: () => sessionStorage.removeItem(TOKEN_KEY),
};

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail ?? problem?.title ?? `HTTP ${status}`);
    this.status = status;
    this.code = problem?.code;
  }
}

async function get(path, params = {}) {
  const query = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined && v !== ''));
  const response = await fetch(`/v1/${path}?${query}`, { headers: { authorization: `Bearer ${token.get()}`, accept: 'application/json' } });
  const body = await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(response.status, body);
  return body;
}

/** The report by unit today and month, with the channel as a group when one is chosen. */
export function indicators({ from, to, unit, channel, ids }) {
  return get('statistics/indicators', { from, to, period: 'month', unit, indicator: ids.join(','), groupBy: channel ? 'successorUnit,channel' : 'successorUnit' });
}

/** The codes behind one figure (one month, one unit today, the channel when chosen), a page at a time. */
export function dossiers({ id, side, from, to, successorUnit, channel, after }) {
  return get(`statistics/indicators/${encodeURIComponent(id)}/dossiers`, { from, to, period: 'month', side, successorUnit, channel, after, limit: 50 });
}

export function streamHealth() {
  return get('projections/stream-health');
}
