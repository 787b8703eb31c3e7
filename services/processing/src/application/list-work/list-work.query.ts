import { pageCursor } from '@motcua/platform';
import type { Page, Principal } from '@motcua/platform';
import type { CaseStanding } from '../../domain/work-list/case-standing';

/** Most urgent first: (due_at, dossier_id). */
export const WORK_LIST_CURSOR = pageCursor('instant', 'uuid');

export const WORK_FLAGS = ['DUE_SOON', 'OVERDUE'] as const;
export type WorkFlag = (typeof WORK_FLAGS)[number];

/**
 * An agency's open cases. `assignee`: `me` (the caller's own), `none` (no officer holds the step
 * yet), or an officer's id (leaders). A processing officer sees by default what they may act on:
 * their own cases and the unassigned ones.
 */
export class ListWork {
  constructor(
    readonly officer: Principal,
    readonly filter: {
      agency?: string;
      assignee?: string;
      status?: 'OPEN' | 'PAUSED';
      procedure?: string;
      flag?: WorkFlag;
      after?: [string, string];
      limit: number;
    },
  ) {}
}

export interface WorkItem extends CaseStanding {
  dossierId: string;
  code: string;
  procedureCode: string;
  channel: string;
  /** The unit that received the dossier. */
  unit: string;
  /** The agency of the current step, and the step (1 for the procedure's first agency). */
  agency: string;
  step: number;
  receivedAt: string;
  dueAt: string;
  status: 'OPEN' | 'PAUSED';
  paused: { reason: 'SUPPLEMENT' | 'AWAITING_PAYMENT'; since: string } | null;
  assignee: { department: string | null; officerId: string | null } | null;
}

export type WorkList = Page<WorkItem> & { agency: string | null };
