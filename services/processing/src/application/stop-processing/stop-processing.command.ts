import type { Principal } from '@motcua/platform';

/** A leader ends processing without a decision (dừng xử lý), e.g. at the applicant's request. */
export class StopProcessing {
  constructor(
    readonly dossierId: string,
    readonly officer: Principal,
    readonly reason: string,
  ) {}
}

export interface Stopped {
  dossierId: string;
  status: 'STOPPED';
  stoppedAt: string;
}
