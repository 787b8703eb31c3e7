import type { DemoDossier } from '../demo-dossier';
import { groundTruth } from './ground-truth';

/** A local wall-clock time in Asia/Ho_Chi_Minh as the ISO string a service would answer. */
export const at = (local: string): string => new Date(`${local.length === 16 ? `${local}:00` : local}+07:00`).toISOString();
export const due = (changedAt: string, dueAt: string) => ({ changedAt: at(changedAt), dueAt: at(dueAt) });

let sequence = 0;

/**
 * A counter dossier of H56.22 received Monday 3 March 2025 08:00, due Monday 10 March 08:00,
 * still open, no fee, every component electronic; each spec says only what differs.
 */
export function dossier(overrides: Partial<DemoDossier> = {}): DemoDossier {
  sequence += 1;
  const receivedAt = overrides.receivedAt === undefined ? at('2025-03-03T08:00') : overrides.receivedAt;
  return {
    dossierId: `00000000-0000-4000-8000-${String(sequence).padStart(12, '0')}`,
    code: `H56.22-250303-${String(sequence).padStart(4, '0')}`,
    unit: 'H56.22',
    procedureCode: '1.001612',
    channel: 'COUNTER',
    processingTimeUnit: 'WORKING_DAYS',
    returnsDocument: false,
    eResultAllowed: false,
    feeBearing: false,
    submittedAt: receivedAt ?? at('2025-03-03T08:00'),
    receivedAt,
    rejectedAt: null,
    withdrawnAt: null,
    resolvedAt: null,
    outcome: null,
    stoppedAt: null,
    resultIssuedAt: null,
    dueHistory: receivedAt === null ? [] : [{ changedAt: receivedAt, dueAt: at('2025-03-10T08:00') }],
    supplementRequests: [],
    paymentWait: null,
    pausedWorkingMinutes: 0,
    feeAssessed: null,
    paidOnline: false,
    allElectronic: true,
    eResult: false,
    reused: false,
    ...overrides,
  };
}

export const AFTER_MAY = new Date(at('2025-06-15T09:00'));

/**
 * The figures of the dossiers as `period indicator` → [numerator, denominator] for one unit
 * (H56.22 unless named), so a table row can state only the figures it is about.
 */
export function figuresOf(dossiers: DemoDossier[], options: { asOf?: Date; unit?: string } = {}): Record<string, [number, number]> {
  const unit = options.unit ?? 'H56.22';
  const truth = groundTruth(dossiers, { from: '2025-01', to: '2025-05', asOf: options.asOf ?? AFTER_MAY });
  return Object.fromEntries(truth.filter((f) => f.unit === unit).map((f) => [`${f.period} ${f.indicator}`, [f.numerator, f.denominator]]));
}

/** Picks the named figures, with null where the ground truth gives none (no population). */
export function pick(figures: Record<string, [number, number]>, keys: string[]): Record<string, [number, number] | null> {
  return Object.fromEntries(keys.map((k) => [k, figures[k] ?? null]));
}
