/** How one component of a dossier reaches the desk. */
export type ComponentForm =
  /** The applicant uploads the file to digitisation and names it (ELECTRONIC). */
  | 'UPLOAD'
  /** Brought on paper and scanned by the desk after reception. */
  | 'PAPER_SCANNED'
  /** Brought on paper and never scanned: the dossier is not fully digitised. */
  | 'PAPER'
  /** A document of the applicant's repository named for reuse (REUSED). */
  | 'REUSE';

export interface PlannedComponent {
  componentId: string;
  name: string;
  form: ComponentForm;
}

/** One act of a dossier's life, at a simulated instant; the driver performs them in order. */
export type PlannedAct =
  | { kind: 'SUBMIT' }
  | { kind: 'REGISTER_AT_DESK' }
  | { kind: 'RETURN_AT_RECEPTION' }
  | { kind: 'ANSWER_RETURN' }
  | { kind: 'RECEIVE' }
  | { kind: 'REJECT' }
  | { kind: 'SCAN_COMPONENTS' }
  | { kind: 'PAY' }
  | { kind: 'REQUEST_SUPPLEMENT' }
  | { kind: 'PROVIDE_SUPPLEMENT' }
  | { kind: 'HAND_OFF' }
  | { kind: 'WITHDRAW' }
  | { kind: 'STOP' }
  | { kind: 'RESOLVE'; outcome: 'APPROVED' | 'DENIED' }
  | { kind: 'ISSUE_PAPER_RESULT' }
  | { kind: 'SCAN_RESULT' }
  | { kind: 'DELIVER' };

export interface PlannedStep {
  /** Simulated instant (epoch ms) at which the act is due. */
  at: number;
  act: PlannedAct;
}

export interface PlannedApplicant {
  kind: 'INDIVIDUAL' | 'ORGANISATION';
  identifier: string;
  fullName: string;
}

/** A dossier's whole life as planned before the run: what the driver will do, and when. */
export interface PlannedDossier {
  /** Position in submission order, 0-based. */
  index: number;
  applicant: PlannedApplicant;
  unit: string;
  procedureCode: string;
  channel: 'ONLINE' | 'COUNTER' | 'POSTAL';
  components: PlannedComponent[];
  steps: PlannedStep[];
}
