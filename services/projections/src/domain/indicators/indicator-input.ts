/**
 * What the Decision 766 indicators know of one dossier: one row of `dossier_facts` (each field is
 * a column of the same meaning, in snake_case: `receivedAt` → `received_at`). Facts are the
 * dossier's state as the topics tell it now; the rules recover what was known at a period's end
 * from the instants kept here (due-date changes, supplement requests), so a past month's on-time
 * rate does not move when a dossier finishes later.
 *
 * Instants are absolute (`timestamptz`); periods are cut in Asia/Ho_Chi_Minh time by the rules.
 */
export interface IndicatorInput {
  /** `dossier_id` uuid. */
  dossierId: string;
  /** `code` — the dossier code shown to the applicant (e.g. `H56.22-251122-0042`); drill-downs list it. */
  code: string;

  // ── Groupings ────────────────────────────────────────────────────────────────────────────────
  /** `unit` — the administrative unit that received the dossier, as it was at reception. */
  unit: string;
  /** `successor_unit` — that unit's successor today after mergers (equal to `unit` when it still exists). */
  successorUnit: string;
  /** `department` — the department (sở, ban, ngành) or agency handling it; null when none was assigned. */
  department: string | null;
  /** `procedure_code` — national procedure code, e.g. `1.001612`. */
  procedureCode: string;
  /** `field` — the procedure's field (lĩnh vực). */
  field: string;
  /** `channel` — how the dossier came in. ONLINE counts as an online intake (766 §3.3). */
  channel: 'ONLINE' | 'COUNTER' | 'POSTAL';

  // ── Procedure terms (snapshot at reception) ─────────────────────────────────────────────────
  /** `processing_time_unit` — the unit the procedure's time is stated in; §2.2 averages are given in it. */
  processingTimeUnit: 'WORKING_DAYS' | 'WORKING_HOURS';
  /** `returns_document` — the procedure returns a document: the §3.3 and §4.1 conditions need it. */
  returnsDocument: boolean;
  /** `e_result_allowed` — an e-result may be issued; with `returnsDocument` it makes one required (§4.2). */
  eResultAllowed: boolean;
  /** `fee_bearing` — the procedure lists a fee or charge above 0 VND (the §3.6 population). */
  feeBearing: boolean;

  // ── Money (integer VND) ──────────────────────────────────────────────────────────────────────
  /**
   * `fee_assessed` — total assessed at reception; null until `FeeAssessed` arrives. 0 for a
   * fee-bearing procedure means an online exemption (or a full discount) took the fee away: the
   * dossier leaves the §3.6 denominator (FeeAssessed's `exempt`).
   */
  feeAssessed: number | null;
  /** `paid_online` — a payment succeeded through an online gateway (final state, refunds aside). */
  paidOnline: boolean;

  // ── Life (instants; null when it has not happened) ──────────────────────────────────────────
  /** `received_at` — accepted into processing; the clock and every 766 count start here. */
  receivedAt: Date | null;
  /** `resolved_at` — decision taken (APPROVED or DENIED). */
  resolvedAt: Date | null;
  /** `result_issued_at`. */
  resultIssuedAt: Date | null;
  /** `stopped_at` — processing stopped. */
  stoppedAt: Date | null;
  /** `rejected_at` — refused at reception (Mẫu 03). */
  rejectedAt: Date | null;
  /** `withdrawn_at` — withdrawn by the applicant. */
  withdrawnAt: Date | null;

  // ── The legal clock ─────────────────────────────────────────────────────────────────────────
  /**
   * `due_history` jsonb `[{ "changedAt", "dueAt", "dueSoonFrom" }]`, in `changedAt` order: the due
   * date set at reception, then each change (a pause closed and pushed it, an extension approved
   * before it fell due), each with the instant it was made. The due date as known at an instant is
   * the last entry changed at or before it. An apology letter's appointment is never an entry.
   */
  dueHistory: DueChange[];
  /**
   * `supplement_requests` jsonb `[{ "requestedAt", "answeredAt" }]`, in request order: the requests
   * made after reception (a return at the reception desk, Mẫu 02, is not one). `answeredAt` is when
   * the applicant's documents reached the desk; null while pending.
   */
  supplementRequests: SupplementRequest[];
  /** `payment_wait_from` / `payment_wait_until` — a pay-first procedure's clock stands still until payment (not a supplement). */
  paymentWaitFrom: Date | null;
  paymentWaitUntil: Date | null;
  /**
   * `resolution_working_minutes` — office time from reception to resolution less the clock's
   * pauses, by the unit's working calendar; null until resolved. Derived at apply time
   * (`resolutionWorkingMinutes`), because SQL has no working calendar.
   */
  resolutionWorkingMinutes: number | null;
  /**
   * `finished_on_time` — the 766 verdict at the finish (`finishedOnTime`); null while unfinished.
   * Derived at apply time so SQL judges only the dossiers still open at a period's end.
   */
  finishedOnTime: boolean | null;
  /** `working_day_minutes` — office minutes in one of the unit's working days (450 by default), to state §2.2 in days. */
  workingDayMinutes: number;

  // ── Digital state (final state: a later paper component turns `allElectronic` off again) ──
  /** `all_electronic` — every component exists in electronic form (uploaded, reused or digitised). */
  allElectronic: boolean;
  /** `e_result` — an ELECTRONIC, signed result was issued. */
  eResult: boolean;
  /** `reused` — at least one component was reused from the applicant's repository (accepted, not refused). */
  reused: boolean;
}

export interface DueChange {
  changedAt: Date;
  dueAt: Date;
  /**
   * From this instant the dossier is "due soon" (one working day of office time or less left
   * before `dueAt`, as processing's reminder). Derived at apply time (`dueSoonFrom`).
   */
  dueSoonFrom: Date;
}

export interface SupplementRequest {
  requestedAt: Date;
  answeredAt: Date | null;
}
