import { pageCursor } from '@motcua/platform';
import type { Page, Principal } from '@motcua/platform';

/** Newest decision first: (resolved_at, dossier_id) descending. */
export const RESULTS_CURSOR = pageCursor('instant', 'uuid');

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

export type ResultList = Page<ResultListItem>;
