import type { Principal } from '@motcua/platform';

/** An officer records the printed result's number; digitisation scans it from ResultIssued. */
export class IssuePaperResult {
  constructor(
    readonly dossierId: string,
    readonly officer: Principal,
    readonly documentNumber: string,
    /** A retry with the same key gets the first answer instead of 409 RESULT.ALREADY_ISSUED. */
    readonly idempotencyKey?: string,
  ) {}
}

export interface PaperResultIssued {
  dossierId: string;
  form: 'PAPER';
  documentNumber: string;
  issuedAt: string;
}
