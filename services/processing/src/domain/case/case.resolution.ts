import { onTimeVerdict } from '../deadline/on-time';
import type { CaseCommand } from './case.commands';
import { ResultDocumentRequiredError } from './case.errors';
import type { CaseEvent } from './case.events';
import type { CaseState } from './case.state';

type Resolve = Extract<CaseCommand, { type: 'Resolve' }>;

/**
 * Whether the decision must come with a document. An approval of a procedure that returns a
 * document must carry it (the 766 e-result and online-share rates count it). A denial must always
 * carry the written notice stating its reasons (Decree 61/2018/NĐ-CP): the reasons live in that
 * document, which digitisation holds, so the event stays free of free-text about the applicant.
 */
export function needsResultDocument(outcome: Resolve['outcome'], returnsDocument: boolean): boolean {
  return outcome === 'DENIED' || returnsDocument;
}

/**
 * The decision, with the 766 verdict and the terms issuance needs, taken from the case, and the
 * deciding step: its agency issues the result, and `workingMinutesSpent` is its share of the
 * case's working time.
 */
export function resolution(state: CaseState, command: Resolve, workingMinutesSpent: number): CaseEvent {
  const opened = state.opened as NonNullable<CaseState['opened']>;
  if (command.resultDocuments.length === 0 && needsResultDocument(command.outcome, opened.procedure.returnsDocument)) {
    throw new ResultDocumentRequiredError(command.outcome);
  }
  const dueAt = state.dueAt ?? opened.dueAt;
  const verdict = onTimeVerdict({ dueAt: new Date(dueAt), finishedAt: command.at, supplementRequests: state.supplementRequests });
  return {
    type: 'DossierResolved',
    data: {
      dossierId: opened.dossierId,
      code: opened.code,
      outcome: command.outcome,
      resolvedAt: command.at.toISOString(),
      receivedAt: opened.receivedAt,
      dueAt,
      onTime: verdict.onTime,
      supplementCount: state.supplementRequests,
      pausedWorkingMinutes: Math.round(state.pausedWorkingMinutes),
      resultDocuments: command.resultDocuments,
      channel: opened.channel,
      delivery: opened.delivery,
      applicantRef: opened.applicantRef,
      unit: opened.unit,
      procedureCode: opened.procedure.code,
      procedureVersion: opened.procedure.version,
      eResultAllowed: opened.procedure.eResultAllowed,
      returnsDocument: opened.procedure.returnsDocument,
      decidedBy: command.decidedBy,
      ...(opened.portal === undefined ? {} : { portal: opened.portal }),
      decidingStep: { agency: state.agency ?? opened.unit, step: state.step, workingMinutesSpent },
    },
  };
}
