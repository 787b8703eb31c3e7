import type { Principal } from '@motcua/platform';

/** An officer of the deciding agency gives up the e-result of a blocked or waiting issuance for a printed one. */
export class SwitchToPaper {
  constructor(
    readonly dossierId: string,
    readonly officer: Principal,
    readonly reason: string,
  ) {}
}
