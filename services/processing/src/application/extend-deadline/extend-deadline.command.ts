import type { ProcessingTime } from '@motcua/calendar';
import type { Principal } from '@motcua/platform';

/** A leader approves more time; only an extension approved before the due date moves it. */
export class ExtendDeadline {
  constructor(
    readonly dossierId: string,
    readonly officer: Principal,
    readonly by: ProcessingTime,
    readonly reason: string,
  ) {}
}

export interface DeadlineExtension {
  dossierId: string;
  previousDueAt: string;
  dueAt: string;
  extendedAt: string;
}
