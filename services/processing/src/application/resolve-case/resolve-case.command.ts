import type { Principal } from '@motcua/platform';

export interface ResultDocumentRef {
  documentId: string;
  name: string;
  sha256?: string;
}

/** The leader's decision, with the documents digitisation holds for it. */
export class ResolveCase {
  constructor(
    readonly dossierId: string,
    readonly officer: Principal,
    readonly outcome: 'APPROVED' | 'DENIED',
    readonly resultDocuments: ResultDocumentRef[],
  ) {}
}

export interface Decision {
  dossierId: string;
  outcome: 'APPROVED' | 'DENIED';
  resolvedAt: string;
  dueAt: string;
  /** The 766 verdict: resolved by the due date and with at most one supplement request. */
  onTime: boolean;
  supplementCount: number;
  /** The agency that decided (it issues the result), and its share of the case's working time. */
  decidingStep: { agency: string; step: number; workingMinutesSpent: number };
}
