import { pageCursor } from '@motcua/platform';
import type { Page, Principal } from '@motcua/platform';

/** Oldest first: (since, dossier_id). */
export const RECEPTION_QUEUE_CURSOR = pageCursor('instant', 'uuid');

export const QUEUE_STATUSES = ['AWAITING_RECEPTION', 'RETURNED', 'AWAITING_SUPPLEMENT'] as const;
export type QueueStatus = (typeof QUEUE_STATUSES)[number];
export const CHANNELS = ['ONLINE', 'COUNTER', 'POSTAL'] as const;

/** A unit's dossiers waiting at its desk, or for the applicant after the desk sent them back. */
export class ListReceptionQueue {
  constructor(
    readonly officer: Principal,
    readonly filter: {
      unit?: string;
      status?: QueueStatus;
      procedure?: string;
      channel?: (typeof CHANNELS)[number];
      /** Whole calendar days waited, at least / at most. */
      minAgeDays?: number;
      maxAgeDays?: number;
      after?: [string, string];
      limit: number;
    },
  ) {}
}

export interface QueueItem {
  dossierId: string;
  code: string;
  procedureCode: string;
  channel: (typeof CHANNELS)[number];
  submittedAt: string;
  status: QueueStatus;
  /** When the dossier entered its status. */
  since: string;
  /** Whole calendar days since then, by the service's clock. */
  ageDays: number;
  /** What the applicant was asked for (RETURNED, AWAITING_SUPPLEMENT). */
  missing: string[] | null;
}

export type ReceptionQueue = Page<QueueItem> & { unit: string };
