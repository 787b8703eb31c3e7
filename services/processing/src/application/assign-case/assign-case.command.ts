import type { Principal } from '@motcua/platform';

/** A leader gives the current step to a department and one of its officers. */
export class AssignCase {
  constructor(
    readonly dossierId: string,
    readonly officer: Principal,
    readonly department: string,
    readonly officerId: string,
  ) {}
}

export interface CaseAssignment {
  dossierId: string;
  step: number;
  agency: string;
  department: string;
  officerId: string;
  assignedAt: string;
}
