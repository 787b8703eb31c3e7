import { dossierReceived, dossierTransferred, procedureSnapshot } from '@motcua/testing';
import type { BillCommand } from './bill.commands';
import { billDecider } from './bill.decider';
import { INTERNAL_BILL_EVENTS } from './bill.events';
import type { BillEvent } from './bill.events';
import type { BillState } from './bill.state';

const dossierId = '7d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6';
const fee = { code: 'LLTP', name: 'Phí lý lịch tư pháp', kind: 'FEE' as const, amount: 200_000, online: { rule: 'NONE' as const } };
const assess: BillCommand = {
  type: 'AssessFees',
  received: dossierReceived({ dossierId, unit: 'H56.22', receivedAt: '2025-06-20T02:00:00.000Z', procedure: procedureSnapshot({ fees: [fee], refundRule: 'FULL_ON_WITHDRAWAL' }) }),
  paymentId: 'pay-1',
  expiryHours: 24,
};
const transfer = (overrides: Parameters<typeof dossierTransferred>[0] = { dossierId }): BillCommand => ({ type: 'TransferBill', transfer: dossierTransferred(overrides) });
const close: BillCommand = { type: 'CloseBill', reason: 'WITHDRAWN', at: new Date('2025-06-25T02:00:00.000Z') };

/** Given the commands before, when the last: the events it decided and the state after all. */
function given(...commands: BillCommand[]): { state: BillState; then: (command: BillCommand) => { events: BillEvent[]; state: BillState } } {
  const state = commands.reduce((s, c) => billDecider.decide(c, s).reduce(billDecider.evolve, s), billDecider.initialState);
  return {
    state,
    then: (command) => {
      const events = billDecider.decide(command, state);
      return { events, state: events.reduce(billDecider.evolve, state) };
    },
  };
}

describe('bill decider: a transfer to the successor unit', () => {
  it('moves the bill to the successor and keeps the former unit with the end of its window', () => {
    const { events, state } = given(assess).then(transfer());
    expect(events).toEqual([
      {
        type: 'BillTransferred',
        data: { dossierId, transferredAt: '2025-07-01T01:00:00.000Z', fromUnit: 'H56.22', toUnit: 'H56.40', reorganisationId: 'reorg-2025-07-01', effectiveAt: '2025-07-01T00:00:00.000Z', transitionEndsAt: '2025-07-31T00:00:00.000Z' },
      },
    ]);
    expect(state.opened).toMatchObject({ unit: 'H56.40', former: { unit: 'H56.22', until: '2025-07-31T00:00:00.000Z' } });
    // The money side is untouched: the same request, the same total.
    expect(state.requests.map((r) => [r.paymentId, r.status])).toEqual([['pay-1', 'OPEN']]);
    expect(state.total).toBe(200_000);
  });

  it('changes nothing when the same transfer comes again', () => {
    const { events } = given(assess, transfer()).then(transfer());
    expect(events).toEqual([]);
  });

  it('ignores a transfer for a dossier it never received', () => {
    const { events, state } = given().then(transfer());
    expect(events).toEqual([]);
    expect(state.status).toBe('NONE');
  });

  it('ignores a transfer from a unit that does not hold the bill', () => {
    expect(given(assess).then(transfer({ dossierId, fromUnit: 'H56.30', toUnit: 'H56.41' })).events).toEqual([]);
  });

  it('moves a closed bill too: its holder answers for a refund at the counter', () => {
    const { events, state } = given(assess, close).then(transfer());
    expect(events.map((e) => e.type)).toEqual(['BillTransferred']);
    expect(state.closed?.reason).toBe('WITHDRAWN');
    expect(state.opened?.unit).toBe('H56.40');
  });

  it('follows a second reorganisation from the successor on, with the newer window', () => {
    const second = transfer({ dossierId, fromUnit: 'H56.40', toUnit: 'H56.50', reorganisationId: 'reorg-2026', transitionEndsAt: '2026-02-01T00:00:00.000Z' });
    const { state } = given(assess, transfer()).then(second);
    expect(state.opened).toMatchObject({ unit: 'H56.50', former: { unit: 'H56.40', until: '2026-02-01T00:00:00.000Z' } });
  });

  it('keeps the transfer home: it is not one of payment’s integration events', () => {
    expect(INTERNAL_BILL_EVENTS.has('BillTransferred')).toBe(true);
  });
});
