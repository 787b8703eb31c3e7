/**
 * What the demo workload knows of one dossier it drove: only what it did itself and what the
 * write services answered (their REST responses and views), never the projections' tables or the
 * topics. The ground truth is computed from these records alone, so a difference from the
 * statistics API points at the read side (or at a service's answer), never at itself.
 *
 * Instants are ISO strings exactly as a service answered them; null when it has not happened.
 */
export interface DemoDossier {
  dossierId: string;
  code: string;
  /** The receiving unit's code, as submitted. */
  unit: string;
  procedureCode: string;
  channel: 'ONLINE' | 'COUNTER' | 'POSTAL';

  // ── The procedure's terms, as the catalogue published them when the dossier was received ──
  processingTimeUnit: 'WORKING_DAYS' | 'WORKING_HOURS';
  /** The procedure returns a document (a licence, a certificate): §3.3 and §4.1 need it. */
  returnsDocument: boolean;
  /** The procedure's terms allow an electronic result. */
  eResultAllowed: boolean;
  /** The procedure lists a fee or charge above 0 VND. */
  feeBearing: boolean;

  // ── Life ──────────────────────────────────────────────────────────────────────────────────
  submittedAt: string;
  /** Accepted into processing (intake's receipt slip). */
  receivedAt: string | null;
  /** Refused at reception (Mẫu 03); such a dossier is never received. */
  rejectedAt: string | null;
  /** Withdrawn by the applicant (intake's answer). */
  withdrawnAt: string | null;
  /** Decided, APPROVED or DENIED (processing's decision). */
  resolvedAt: string | null;
  outcome: 'APPROVED' | 'DENIED' | null;
  /** Processing stopped without a decision (processing's answer). */
  stoppedAt: string | null;
  /** The result issued (issuance's result view). */
  resultIssuedAt: string | null;

  // ── The legal clock, as processing's case view and the desk's answers tell it ───────────────
  /**
   * The due date set at reception (first entry, `changedAt` = `receivedAt`), then each change
   * processing recorded (a pause closed and pushed it, an extension approved), with the instant
   * processing recorded it.
   */
  dueHistory: { changedAt: string; dueAt: string }[];
  /** Requests made by the department after reception, in order; `answeredAt` is when the desk took the applicant's documents. */
  supplementRequests: { requestedAt: string; answeredAt: string | null }[];
  /** A pay-first procedure's wait for payment: from reception until processing resumed the case. */
  paymentWait: { from: string; until: string | null } | null;
  /**
   * Working minutes the clock stood still, from processing's case view once resolved (each pause
   * rounded as processing records it). The ground truth counts the waits from their instants above.
   */
  pausedWorkingMinutes: number;

  // ── Money (integer VND) ────────────────────────────────────────────────────────────────────
  /** Total assessed at reception (payment's bill); 0 when an online exemption took it all; null when no bill. */
  feeAssessed: number | null;
  /** A payment succeeded through the online platform (not cash). */
  paidOnline: boolean;

  // ── Digital state (final) ──────────────────────────────────────────────────────────────────
  /** Every component exists in electronic form at the end (uploaded, reused or scanned). */
  allElectronic: boolean;
  /** An ELECTRONIC, signed result was issued. */
  eResult: boolean;
  /** At least one component was reused from the applicant's repository and accepted. */
  reused: boolean;
}
