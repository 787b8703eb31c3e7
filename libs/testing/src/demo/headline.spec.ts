import type { DemoDossier } from './demo-dossier';
import { headlineOf } from './headline';

const base: DemoDossier = {
  dossierId: '00000000-0000-4000-8000-000000000001',
  code: 'H56.01-250303-0001',
  unit: 'H56.01',
  procedureCode: '2.000488',
  channel: 'ONLINE',
  processingTimeUnit: 'WORKING_DAYS',
  returnsDocument: true,
  eResultAllowed: true,
  feeBearing: true,
  submittedAt: '2025-03-03T01:00:00.000Z',
  receivedAt: '2025-03-03T02:00:00.000Z',
  rejectedAt: null,
  withdrawnAt: null,
  resolvedAt: '2025-03-03T08:00:00.000Z',
  outcome: 'APPROVED',
  stoppedAt: null,
  resultIssuedAt: '2025-03-03T08:00:01.000Z',
  dueHistory: [{ changedAt: '2025-03-03T02:00:00.000Z', dueAt: '2025-03-04T02:00:00.000Z' }],
  supplementRequests: [],
  paymentWait: null,
  pausedWorkingMinutes: 0,
  feeAssessed: 200_000,
  paidOnline: true,
  allElectronic: true,
  eResult: true,
  reused: false,
};

describe('the headline figures of a generated workload', () => {
  it('judges a decision by the due date in force when it was made, not the first one', () => {
    const late = { ...base, resolvedAt: '2025-03-05T02:00:00.000Z' };
    const moved = { ...late, dueHistory: [...base.dueHistory, { changedAt: '2025-03-04T01:00:00.000Z', dueAt: '2025-03-06T02:00:00.000Z' }] };
    const afterDecision = { ...late, dueHistory: [...base.dueHistory, { changedAt: '2025-03-05T03:00:00.000Z', dueAt: '2025-03-06T02:00:00.000Z' }] };
    expect(headlineOf([moved]).onTime).toBe(1);
    expect(headlineOf([afterDecision]).onTime).toBe(0);
  });

  it('counts shares over their own populations', () => {
    const counter = { ...base, channel: 'COUNTER' as const, allElectronic: false, reused: true, eResult: false };
    const rejected = { ...base, receivedAt: null, rejectedAt: '2025-03-03T03:00:00.000Z', resolvedAt: null, resultIssuedAt: null, dueHistory: [] };
    const h = headlineOf([base, counter, rejected]);
    expect(h).toEqual({ dossiers: 3, online: 2 / 3, onTime: 1, digitised: 0.5, eResults: 0.5, reuse: 0.5 });
  });
});
