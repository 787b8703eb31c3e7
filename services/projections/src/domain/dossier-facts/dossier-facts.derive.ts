import { calendarFor } from '@motcua/calendar';
import { finishedOnTime, resolutionWorkingMinutes } from '../indicators';
import { ComponentFact, DossierFacts, DossierStatus, Instant, SupplementRequest } from './dossier-facts';
import { toIndicatorInput } from './indicator-input.mapping';

/** What follows from the recorded facts; computed after every fold, so it cannot drift from them. */
export interface DerivedFacts {
  status: DossierStatus;
  dueAt: Instant | null;
  supplementRequests: SupplementRequest[];
  supplementCount: number;
  pendingSupplementRequestedAt: Instant | null;
  pausedWorkingMinutes: number;
  paymentWaitFrom: Instant | null;
  paymentWaitUntil: Instant | null;
  allElectronic: boolean;
  reused: boolean;
  eResult: boolean;
  /** 766 §2.2 office time from reception to resolution less the clock's waits, by the indicator rules. */
  resolutionWorkingMinutes: number | null;
  /** The 766 §2.1 verdict at the finish, by the indicator rules; null while unfinished. */
  finishedOnTime: boolean | null;
  /** Office minutes in one of the dossier's working days, to state §2.2 in days. */
  workingDayMinutes: number;
}

export function deriveFacts(facts: DossierFacts): DerivedFacts {
  const calendar = calendarFor(facts.calendarTerms);
  const supplementRequests = facts.supplementRequests.map((request) => ({ ...request, answeredAt: answerOf(facts, request) }));
  const pending = supplementRequests.filter((r) => r.answeredAt === null).pop();
  const paymentWait = facts.pauses.find((p) => p.reason === 'AWAITING_PAYMENT');
  const closedPauses = facts.pauses.reduce((sum, p) => sum + (p.workingMinutes ?? 0), 0);
  const derived = {
    status: statusOf(facts, pending !== undefined),
    dueAt: facts.dueHistory.at(-1)?.dueAt ?? null,
    supplementRequests,
    supplementCount: Math.max(supplementRequests.length, ...supplementRequests.map((r) => r.sequence)),
    pendingSupplementRequestedAt: pending?.requestedAt ?? null,
    pausedWorkingMinutes: facts.pausedWorkingMinutesAtResolution ?? closedPauses,
    paymentWaitFrom: paymentWait?.pausedAt ?? null,
    paymentWaitUntil: paymentWait?.resumedAt ?? null,
    allElectronic: facts.components.length > 0 && facts.components.every(isElectronic),
    reused: facts.components.some(isReused),
    eResult: facts.resultForm === 'ELECTRONIC',
    workingDayMinutes: calendar.workingDayMinutes,
  };
  // The rules that judge the dossier say what its clock and its verdict are; they run here, once per change.
  const input = toIndicatorInput(facts, derived);
  const resolution = resolutionWorkingMinutes(input, calendar);
  return { ...derived, resolutionWorkingMinutes: resolution, finishedOnTime: finishedOnTime({ ...input, resolutionWorkingMinutes: resolution }) };
}

/** The desk's receipt of the documents (intake) when known, else processing's resumption of the clock. */
function answerOf(facts: DossierFacts, request: SupplementRequest): Instant | null {
  const provided = facts.supplementsProvided.find((p) => p.requestId === request.requestId);
  if (provided) return provided.providedAt;
  const resumed = facts.pauses.find((p) => p.reason === 'SUPPLEMENT' && p.resumedAt !== null && p.pausedAt >= request.requestedAt);
  return resumed?.resumedAt ?? null;
}

const isReused = (c: ComponentFact) => c.reusedAt !== null && c.reuseRefusedAt === null;
const isElectronic = (c: ComponentFact) =>
  c.digitisedAt !== null || isReused(c) || c.provenance === 'ELECTRONIC' || (c.provenance === 'REUSED' && c.reuseRefusedAt === null);

/** The furthest point of the life the facts show; a final state outranks anything still arriving from slower topics. */
function statusOf(facts: DossierFacts, supplementPending: boolean): DossierStatus {
  if (facts.completedAt !== null || facts.deliveredAt !== null) return 'COMPLETED';
  if (facts.resultIssuedAt !== null) return 'RESULT_ISSUED';
  if (facts.resolvedAt !== null) return 'RESOLVED';
  if (facts.stoppedAt !== null) return 'STOPPED';
  if (facts.withdrawnAt !== null) return 'WITHDRAWN';
  if (facts.rejectedAt !== null) return 'REJECTED';
  if (facts.receivedAt !== null) {
    if (supplementPending || facts.pauses.some((p) => p.resumedAt === null)) return 'PAUSED';
    return facts.caseAssignedAt !== null ? 'IN_PROCESSING' : 'RECEIVED';
  }
  const lastProvided = facts.supplementsProvided.filter((p) => p.requestId === null).at(-1)?.providedAt ?? null;
  if (facts.returnedAt !== null && (lastProvided === null || lastProvided < facts.returnedAt)) return 'RETURNED_FOR_SUPPLEMENT';
  return facts.submittedAt !== null ? 'SUBMITTED' : 'UNKNOWN';
}
