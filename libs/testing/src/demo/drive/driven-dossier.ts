import type { PlannedDossier } from '../plan/dossier-plan';

/** What the driver learned from the answers to its own acts on one dossier, as it goes. */
export interface DrivenDossier {
  plan: PlannedDossier;
  dossierId?: string;
  code?: string;
  /** The procedure version intake applied (receipt slip, or the desk's view). */
  procedureVersion?: number;
  receivedAt: string | null;
  rejectedAt: string | null;
  withdrawnAt: string | null;
  resolvedAt: string | null;
  outcome: 'APPROVED' | 'DENIED' | null;
  stoppedAt: string | null;
  supplementRequests: { requestedAt: string; answeredAt: string | null }[];
  /** Every component was uploaded by the applicant (what the driver knows of a dossier never received). */
  allUploaded: boolean;
  /** The planned instant of the act being performed, while it is. */
  actDue?: number;
  /** How far (simulated ms) the clock had run past an act's planned instant when its answer came, at most. */
  behindMs: number;
  /** Acts performed, of the planned ones. */
  performed: number;
  finished: boolean;
  /** The first unexpected answer, by route and status; the dossier's life stopped there. */
  failure?: string;
}

export function drivenFrom(plan: PlannedDossier): DrivenDossier {
  return {
    plan,
    receivedAt: null,
    rejectedAt: null,
    withdrawnAt: null,
    resolvedAt: null,
    outcome: null,
    stoppedAt: null,
    supplementRequests: [],
    allUploaded: plan.components.every((c) => c.form === 'UPLOAD'),
    behindMs: 0,
    performed: 0,
    finished: false,
  };
}
