import type { Principal } from '@motcua/platform';

/** Officers' worklist: a unit's results by status (BLOCKED ones need someone to look). */
export class ListResults {
  constructor(
    readonly officer: Principal,
    readonly filter: { unit?: string; status?: ResultListItem['status']; after?: { resolvedAt: string; dossierId: string }; limit: number },
  ) {}
}

export interface ResultListItem {
  dossierId: string;
  code: string;
  unit: string;
  procedure: { code: string; version: number };
  outcome: 'APPROVED' | 'DENIED';
  status: 'RESOLVED' | 'BLOCKED' | 'ISSUED' | 'COMPLETED';
  resolvedAt: string;
  form: 'ELECTRONIC' | 'PAPER' | null;
  issuedAt: string | null;
  blocked: { reason: string; since: string } | null;
  completedAt: string | null;
}

export interface ResultList {
  items: ResultListItem[];
  /** Pass as `after` for the next page; null on the last one. */
  next: string | null;
}
