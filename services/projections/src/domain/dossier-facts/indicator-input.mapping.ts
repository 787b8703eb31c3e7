import type { IndicatorInput } from '../indicators';
import type { DossierFacts } from './dossier-facts';
import type { DerivedFacts } from './dossier-facts.derive';

const date = (value: string | null) => (value === null ? null : new Date(value));

/**
 * The facts as the indicator rules read them (one dossier_facts row). Only a received dossier is
 * judged, and reception brings every term; before it the groupings are empty strings.
 */
export function toIndicatorInput(f: DossierFacts, d: Omit<DerivedFacts, 'resolutionWorkingMinutes' | 'finishedOnTime'>, successorUnit = f.unit): IndicatorInput {
  return {
    dossierId: f.dossierId, code: f.code ?? '', unit: f.unit ?? '', successorUnit: successorUnit ?? '', department: f.department,
    procedureCode: f.procedureCode ?? '', field: f.field ?? '', channel: f.channel ?? 'COUNTER', processingTimeUnit: f.processingTimeUnit ?? 'WORKING_DAYS',
    returnsDocument: f.returnsDocument ?? false, eResultAllowed: f.eResultAllowed ?? false, feeBearing: f.feeBearing ?? false,
    feeAssessed: f.feeAssessed, paidOnline: f.paidOnline,
    receivedAt: date(f.receivedAt), resolvedAt: date(f.resolvedAt), resultIssuedAt: date(f.resultIssuedAt), stoppedAt: date(f.stoppedAt),
    rejectedAt: date(f.rejectedAt), withdrawnAt: date(f.withdrawnAt),
    dueHistory: f.dueHistory.map((c) => ({ changedAt: new Date(c.changedAt), dueAt: new Date(c.dueAt), dueSoonFrom: new Date(c.dueSoonFrom) })),
    supplementRequests: d.supplementRequests.map((r) => ({ requestedAt: new Date(r.requestedAt), answeredAt: date(r.answeredAt) })),
    paymentWaitFrom: date(d.paymentWaitFrom), paymentWaitUntil: date(d.paymentWaitUntil),
    resolutionWorkingMinutes: null, finishedOnTime: null, workingDayMinutes: d.workingDayMinutes,
    allElectronic: d.allElectronic, eResult: d.eResult, reused: d.reused,
  };
}
