import type { DemoDossier } from '../demo-dossier';

/**
 * The 766 §2.1 clock of one dossier, from the generator's record alone. Instants are epoch
 * milliseconds; null is "has not happened".
 */
const ms = (iso: string | null): number | null => (iso === null ? null : Date.parse(iso));

/** Finished = the first of resolved, result issued, stopped, rejected, withdrawn. */
export function finishedAt(d: DemoDossier): number | null {
  const ends = [d.resolvedAt, d.resultIssuedAt, d.stoppedAt, d.rejectedAt, d.withdrawnAt].map(ms).filter((t): t is number => t !== null);
  return ends.length === 0 ? null : Math.min(...ends);
}

export const receivedAt = (d: DemoDossier): number | null => ms(d.receivedAt);
export const resolvedAt = (d: DemoDossier): number | null => ms(d.resolvedAt);

export interface Verdict {
  onTime: boolean;
  /** Since when the clock stands still at the horizon (a pending supplement, an unpaid pay-first wait); null while it runs. */
  stillSince: number | null;
  /** The due date known at the horizon. */
  dueAt: number;
}

/**
 * The due date known at the horizon: the last entry recorded strictly before it, else the one set
 * at reception (a change recorded at the very horizon is not yet known there).
 */
export function dueKnownAt(d: DemoDossier, horizon: number): number {
  if (d.dueHistory.length === 0) throw new RangeError(`dossier ${d.code} was received without a due date in its record`);
  let known = d.dueHistory[0];
  for (const entry of d.dueHistory) if (Date.parse(entry.changedAt) < horizon) known = entry;
  return Date.parse(known.dueAt);
}

/** Where the clock stands still at the horizon, the earliest instant it stopped; null while it runs. */
function standingStillSince(d: DemoDossier, horizon: number): number | null {
  const stops: number[] = [];
  for (const request of d.supplementRequests) {
    const answered = ms(request.answeredAt);
    if (Date.parse(request.requestedAt) < horizon && (answered === null || answered >= horizon)) stops.push(Date.parse(request.requestedAt));
  }
  const wait = d.paymentWait;
  if (wait && Date.parse(wait.from) < horizon && (wait.until === null || Date.parse(wait.until) >= horizon)) stops.push(Date.parse(wait.from));
  return stops.length === 0 ? null : Math.min(...stops);
}

/**
 * The verdict of a dossier judged at `judgedAt`, knowing only what happened strictly before
 * `horizon`: more than one supplement request is late whatever the dates; otherwise on time when
 * the instant it is judged at (the clock's stop, if it stopped earlier) is not after the due date.
 */
export function verdictAt(d: DemoDossier, judgedAt: number, horizon: number): Verdict {
  const requests = d.supplementRequests.filter((r) => Date.parse(r.requestedAt) < horizon).length;
  const stillSince = standingStillSince(d, horizon);
  const judged = stillSince !== null && stillSince < judgedAt ? stillSince : judgedAt;
  const dueAt = dueKnownAt(d, horizon);
  return { onTime: requests <= 1 && judged <= dueAt, stillSince, dueAt };
}

/** A finished dossier keeps the verdict of its finish: judged then, knowing everything up to and including it. */
export const verdictAtFinish = (d: DemoDossier, finish: number): Verdict => verdictAt(d, finish, finish + 1);

/** An open dossier is judged at the period's end, knowing what happened before it. */
export const verdictAtEnd = (d: DemoDossier, end: number): Verdict => verdictAt(d, end, end);
