import type { DemoDossier } from '../demo-dossier';
import { finishedAt, receivedAt, resolvedAt } from './dossier-verdict';
import type { Month } from './months';

/**
 * Which of the four populations of a month a dossier belongs to. A dossier never received
 * (rejected or returned at the desk, withdrawn before reception) belongs to none: its clock never
 * started.
 */
export interface Standing {
  /** Received before the month's end and not finished before its start: new intake plus backlog. */
  toProcess: boolean;
  receivedIn: boolean;
  resolvedIn: boolean;
  /** Received before the month's end and not finished before it. */
  openAtEnd: boolean;
  /** The finish, when it is in the month (the instant a finished dossier in `toProcess` is judged). */
  finishedIn: number | null;
}

const NOWHERE: Standing = { toProcess: false, receivedIn: false, resolvedIn: false, openAtEnd: false, finishedIn: null };
const inMonth = (t: number | null, m: Month): boolean => t !== null && t >= m.start && t < m.end;

export function standingIn(d: DemoDossier, m: Month): Standing {
  const received = receivedAt(d);
  if (received === null || received >= m.end) return NOWHERE;
  const finish = finishedAt(d);
  return {
    toProcess: finish === null || finish >= m.start,
    receivedIn: received >= m.start,
    resolvedIn: inMonth(resolvedAt(d), m),
    openAtEnd: finish === null || finish >= m.end,
    finishedIn: inMonth(finish, m) ? finish : null,
  };
}
