import type { Instant } from './dossier-facts';

/** Every instant in the facts is normalised, so that instants compare as strings. */
export const instant = (value: string): Instant => new Date(value).toISOString();

export function earliest(current: Instant | null, candidate: string): Instant {
  const next = instant(candidate);
  return current === null || next < current ? next : current;
}

export function latest(current: Instant | null, candidate: string): Instant {
  const next = instant(candidate);
  return current === null || next > current ? next : current;
}

/** Adds an entry unless one with the same key is there, keeping the list sorted: arrival order cannot show. */
export function withEntry<T>(list: T[], entry: T, key: (item: T) => string, order: (item: T) => string = key): T[] {
  if (list.some((item) => key(item) === key(entry))) return list;
  return [...list, entry].sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
}
