/**
 * The on-time verdict of Decision 766/QĐ-TTg for a finished dossier. The due date passed in
 * already excludes the applicant's supplement time (the calendar adds closed pauses) and includes
 * only extensions approved before it fell due; an apology letter's new appointment never moves it.
 */
export interface FinishedDossier {
  dueAt: Date;
  /** First of: resolved, result issued, stopped, rejected, withdrawn. */
  finishedAt: Date;
  /** Supplement requests made after reception (a return at the reception desk does not count). */
  supplementRequests: number;
}

export type Verdict = { onTime: true } | { onTime: false; reason: 'AFTER_DUE_DATE' | 'MORE_THAN_ONE_SUPPLEMENT' };

export function onTimeVerdict(dossier: FinishedDossier): Verdict {
  if (dossier.supplementRequests > 1) return { onTime: false, reason: 'MORE_THAN_ONE_SUPPLEMENT' };
  if (dossier.finishedAt.getTime() > dossier.dueAt.getTime()) return { onTime: false, reason: 'AFTER_DUE_DATE' };
  return { onTime: true };
}

/**
 * An unfinished dossier judged at the end of a reporting period: on time while not yet due. A
 * pending supplement request stops its clock at the request date, so it is judged at that date.
 */
export function onTimeAtPeriodEnd(dueAt: Date | undefined, periodEnd: Date, pendingSupplementSince?: Date): boolean {
  if (!dueAt) return true;
  const judgedAt = pendingSupplementSince && pendingSupplementSince < periodEnd ? pendingSupplementSince : periodEnd;
  return judgedAt.getTime() <= dueAt.getTime();
}
