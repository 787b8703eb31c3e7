import type { Principal } from '@motcua/platform';

/** The current agency's work is done: the case moves to the procedure's next agency. */
export class HandOffCase {
  constructor(
    readonly dossierId: string,
    readonly officer: Principal,
  ) {}
}

export interface HandOff {
  dossierId: string;
  fromAgency: string;
  toAgency: string;
  step: number;
  /** Working time the handing agency spent, less supplement waits. */
  workingMinutesSpent: number;
  handedOffAt: string;
}
