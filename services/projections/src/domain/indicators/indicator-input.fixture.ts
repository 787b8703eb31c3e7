import { finishedOnTime } from './derived-facts';
import type { DueChange, IndicatorInput } from './indicator-input';

/** Local wall time in Asia/Ho_Chi_Minh: `at('2025-03-31T17:00')`. */
export const at = (local: string): Date => new Date(`${local}+07:00`);

/** A due-date entry; due-soon from one day before is close enough where the spec does not test it. */
export const due = (changedAt: string, dueAt: string, dueSoonFrom?: string): DueChange => ({
  changedAt: at(changedAt),
  dueAt: at(dueAt),
  dueSoonFrom: dueSoonFrom ? at(dueSoonFrom) : new Date(at(dueAt).getTime() - 86_400_000),
});

let sequence = 0;

/**
 * A counter dossier of a 5-working-day procedure, received Monday 3 March 2025 at 08:00 and due
 * Monday 10 March at 08:00, still in progress; specs override what they are about.
 */
export function facts(overrides: Partial<IndicatorInput> = {}): IndicatorInput {
  sequence += 1;
  const dossier: IndicatorInput = {
    dossierId: `00000000-0000-4000-8000-${String(sequence).padStart(12, '0')}`,
    code: `H56.22-250303-${String(sequence).padStart(4, '0')}`,
    unit: 'H56.22',
    successorUnit: 'H56.22',
    department: 'SO_TU_PHAP',
    procedureCode: '1.001612',
    field: 'Hộ tịch',
    channel: 'COUNTER',
    processingTimeUnit: 'WORKING_DAYS',
    returnsDocument: true,
    eResultAllowed: true,
    feeBearing: true,
    feeAssessed: 50_000,
    paidOnline: false,
    receivedAt: at('2025-03-03T08:00'),
    resolvedAt: null,
    resultIssuedAt: null,
    stoppedAt: null,
    rejectedAt: null,
    withdrawnAt: null,
    dueHistory: [due('2025-03-03T08:00', '2025-03-10T08:00')],
    supplementRequests: [],
    paymentWaitFrom: null,
    paymentWaitUntil: null,
    resolutionWorkingMinutes: null,
    workingDayMinutes: 450,
    allElectronic: false,
    eResult: false,
    reused: false,
    finishedOnTime: null,
    ...overrides,
  };
  return { ...dossier, finishedOnTime: finishedOnTime(dossier) };
}
