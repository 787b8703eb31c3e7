import type { Instant } from './dossier-facts';

/** The last instant normalised: an event's time and the instant in its data are mostly one string. */
let lastValue: string | undefined;
let lastInstant: Instant = '';

/** Every instant in the facts is normalised, so that instants compare as strings. */
export function instant(value: string): Instant {
  if (value !== lastValue) {
    lastInstant = new Date(value).toISOString();
    lastValue = value;
  }
  return lastInstant;
}

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
