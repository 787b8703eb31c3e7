import { pageCursor } from '@motcua/platform';
import type { Page, Principal } from '@motcua/platform';

/** Newest decision first: (resolved_at, dossier_id) descending. */
export const RESULTS_CURSOR = pageCursor('instant', 'uuid');

/**
 * Officers' worklist: a unit's results by status (BLOCKED ones need someone to look): those it
 * issues as the deciding agency and those its desk hands over as the receiving unit.
 */
export class ListResults {
  constructor(
    readonly officer: Principal,
    readonly filter: { unit?: string; status?: ResultListItem['status']; after?: { resolvedAt: string; dossierId: string }; limit: number },
  ) {}
}

export interface ResultListItem {
  dossierId: string;
  code: string;
  /** The receiving unit, whose desk hands the result over. */
  unit: string;
  /** The deciding agency, which issues it. */
  issuer: string;
  procedure: { code: string; version: number };
  outcome: 'APPROVED' | 'DENIED';
  status: 'RESOLVED' | 'BLOCKED' | 'ISSUED' | 'COMPLETED';
  resolvedAt: string;
  form: 'ELECTRONIC' | 'PAPER' | null;
  issuedAt: string | null;
  blocked: { reason: string; since: string } | null;
  /** When an officer gave up the e-result for a printed one. */
  switchedToPaperAt: string | null;
  completedAt: string | null;
}

export type ResultList = Page<ResultListItem>;
