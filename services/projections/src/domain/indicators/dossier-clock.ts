import type { DueChange, IndicatorInput } from './indicator-input';

/**
 * The legal clock of one dossier as known at an instant. Everything here reads only the facts
 * that happened strictly before the instant, so a verdict at a past period's end is the same
 * whenever it is computed — the property that keeps a reported month from moving.
 */

/** Finished = first of resolved, result issued, stopped, rejected, withdrawn (766 §2.1). */
export function finishedAt(d: IndicatorInput): Date | null {
  const times = [d.resolvedAt, d.resultIssuedAt, d.stoppedAt, d.rejectedAt, d.withdrawnAt].filter((t): t is Date => t !== null);
  return times.length ? new Date(Math.min(...times.map((t) => t.getTime()))) : null;
}

/** The due date as known just before `horizon`: the last change made before it (else the first). */
export function dueKnownBefore(d: IndicatorInput, horizon: Date): DueChange | null {
  let known: DueChange | null = d.dueHistory[0] ?? null;
  for (const change of d.dueHistory) if (change.changedAt < horizon) known = change;
  return known;
}

export function supplementsBefore(d: IndicatorInput, horizon: Date): number {
  return d.supplementRequests.filter((s) => s.requestedAt < horizon).length;
}

/**
 * When the clock stopped, if it still stood still just before `horizon`: a supplement request the
 * applicant had not answered, or a pay-first wait not yet paid. Null when the clock was running.
 */
export function clockStoppedSince(d: IndicatorInput, horizon: Date): Date | null {
  const stops: Date[] = d.supplementRequests
    .filter((s) => s.requestedAt < horizon && (s.answeredAt === null || s.answeredAt >= horizon))
    .map((s) => s.requestedAt);
  if (d.paymentWaitFrom && d.paymentWaitFrom < horizon && (d.paymentWaitUntil === null || d.paymentWaitUntil >= horizon)) {
    stops.push(d.paymentWaitFrom);
  }
  return stops.length ? new Date(Math.min(...stops.map((t) => t.getTime()))) : null;
}

export interface Judgement {
  /** The instant the dossier is judged at: its finish, or the period's end, or where its clock stopped. */
  judgedAt: Date;
  due: DueChange | null;
  supplements: number;
  /** The clock stood still at the judged instant (a pending supplement or payment wait). */
  clockStopped: boolean;
  onTime: boolean;
}

/**
 * The 766 §2.1 verdict at `instant` (a finish or a period's end): late after more than one
 * supplement request, or when judged after the due date; a pending supplement request ends the
 * clock at its request date. Being judged exactly at the due instant is on time. Only facts
 * before `horizon` are known.
 */
export function judgeAt(d: IndicatorInput, instant: Date, horizon: Date): Judgement {
  const stoppedSince = clockStoppedSince(d, horizon);
  const judgedAt = stoppedSince && stoppedSince < instant ? stoppedSince : instant;
  const due = dueKnownBefore(d, horizon);
  const supplements = supplementsBefore(d, horizon);
  const onTime = supplements <= 1 && (due === null || judgedAt <= due.dueAt);
  return { judgedAt, due, supplements, clockStopped: stoppedSince !== null, onTime };
}

/** A finished dossier, judged at its finish: what was recorded at that very instant counts. */
export function finishedVerdict(d: IndicatorInput): Judgement | null {
  const finished = finishedAt(d);
  return finished ? judgeAt(d, finished, new Date(finished.getTime() + 1)) : null;
}

/** An unfinished dossier, judged at a period's end: periods are half-open, so the end instant belongs to the next one. */
export function verdictAtPeriodEnd(d: IndicatorInput, end: Date): Judgement {
  return judgeAt(d, end, end);
}
