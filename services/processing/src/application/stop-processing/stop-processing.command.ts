import type { Principal } from '@motcua/platform';
import type { StopGround } from '../../domain/case/case.commands';

/** A leader ends processing without a decision (dừng xử lý), e.g. at the applicant's request or for non-payment. */
export class StopProcessing {
  constructor(
    readonly dossierId: string,
    readonly officer: Principal,
    readonly reason: string,
    readonly ground: StopGround = 'OTHER',
  ) {}
}

export interface Stopped {
  dossierId: string;
  status: 'STOPPED';
  stoppedAt: string;
}
