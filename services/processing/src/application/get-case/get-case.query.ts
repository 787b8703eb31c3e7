import type { Principal } from '@motcua/platform';
import type { AgencyShare } from '../../domain/case/agency-time';
import type { CaseStatus } from '../../domain/case/case.state';

/** An officer looks up a case as it stands (rebuilt from its events, so never behind them). */
export class GetCase {
  constructor(
    readonly dossierId: string,
    readonly officer: Principal,
  ) {}
}

export interface CaseView {
  dossierId: string;
  code: string;
  procedure: { code: string; version: number; name: string; agencies: string[] };
  status: Exclude<CaseStatus, 'NONE'>;
  /** 1-based position of the current step among the procedure's agencies. */
  step: number;
  agency: string;
  department: string | null;
  officerId: string | null;
  receivedAt: string;
  /** Moved by supplement waits and approved extensions; never by an apology. */
  dueAt: string;
  pause: { reason: 'SUPPLEMENT' | 'AWAITING_PAYMENT'; since: string; supplementRequestId: string | null } | null;
  pausedWorkingMinutes: number;
  /**
   * Each agency's working time, in step order: every step handed off, then, once decided, the
   * deciding one. After the decision they add up to the case's working time (pauses excluded).
   */
  agencyShares: AgencyShare[];
  /** The pauses already closed, oldest first (the open one is `pause`). */
  pauses: { reason: 'SUPPLEMENT' | 'AWAITING_PAYMENT'; since: string; until: string }[];
  /** The due date set at opening, then each move: a pause that pushed it, an extension approved. */
  dueChanges: { changedAt: string; dueAt: string; cause: 'OPENED' | 'RESUMED' | 'EXTENDED' }[];
  supplementRequests: number;
  apology: { issuedAt: string; newAppointmentAt: string; reason: string } | null;
  /** A payment request expired unpaid while the case waits for the fee: the applicant was reminded; the officer may stop for non-payment. */
  paymentOverdue: { since: string; paymentId: string; reminders: number } | null;
  resolution: { outcome: 'APPROVED' | 'DENIED'; resolvedAt: string; onTime: boolean } | null;
  stop: { stoppedAt: string; reason: string } | null;
}
