import { WorkingCalendar } from '@motcua/calendar';
import { dossierReceived, procedureSnapshot } from '@motcua/testing';
import type { CaseCommand } from './case.commands';
import { caseDecider } from './case.decider';
import type { CaseEvent } from './case.events';

const decider = caseDecider(new WorkingCalendar());
const vn = (local: string) => new Date(`${local}+07:00`);
const dossierId = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';

const opened = (payFirst: boolean) =>
  decider.decide(
    {
      type: 'OpenCase',
      received: dossierReceived({ dossierId, receivedAt: vn('2025-03-03T09:00').toISOString(), dueAt: vn('2025-03-17T09:00').toISOString(), procedure: procedureSnapshot({ payFirst }) }),
    },
    decider.initialState,
  );

/** Each command's events, or its error code. */
function run(history: CaseEvent[], ...commands: CaseCommand[]) {
  let state = history.reduce(decider.evolve, decider.initialState);
  const outcomes = commands.map((command) => {
    try {
      const events = decider.decide(command, state);
      state = events.reduce(decider.evolve, state);
      return events;
    } catch (error) {
      return (error as { code: string }).code;
    }
  });
  return { outcomes, state };
}

const types = (outcome: CaseEvent[] | string) => (typeof outcome === 'string' ? outcome : outcome.map((e) => e.type));
const expired = (paymentId: string, local: string): CaseCommand => ({ type: 'RecordPaymentExpiry', at: vn(local), paymentId });
const stopForNonPayment = (local: string): CaseCommand => ({ type: 'StopProcessing', at: vn(local), reason: 'Quá hạn nộp phí, lệ phí', decidedBy: 'leader-1', ground: 'NON_PAYMENT' });

describe('a pay-first case whose payment request expired unpaid', () => {
  it('records the payment overdue once per expired request, as a reminder', () => {
    const { outcomes, state } = run(opened(true), expired('pay-1', '2025-03-04T09:00'), expired('pay-1', '2025-03-04T09:00'), expired('pay-2', '2025-03-05T09:00'));
    expect(outcomes.map(types)).toEqual([['PaymentOverdue'], [], ['PaymentOverdue']]);
    expect((outcomes[0] as CaseEvent[])[0].data).toEqual({ dossierId, paymentId: 'pay-1', expiredAt: vn('2025-03-04T09:00').toISOString(), reminder: 1 });
    expect((outcomes[2] as CaseEvent[])[0].data).toMatchObject({ paymentId: 'pay-2', reminder: 2 });
    expect(state.paymentOverdue).toEqual({ since: vn('2025-03-04T09:00').toISOString(), paymentId: 'pay-2', reminders: 2 });
  });

  it('lets the officer stop for non-payment only once the payment is overdue', () => {
    const { outcomes } = run(opened(true), stopForNonPayment('2025-03-04T08:00'), expired('pay-1', '2025-03-04T09:00'), stopForNonPayment('2025-03-04T10:00'));
    expect(outcomes.map(types)).toEqual(['CASE.PAYMENT_NOT_OVERDUE', ['PaymentOverdue'], ['ProcessingStopped']]);
    // The ground travels with the event, so readers can tell a stop for non-payment from any other.
    expect((outcomes[2] as CaseEvent[])[0].data).toMatchObject({ ground: 'NON_PAYMENT' });
  });

  it('resumes when a later request is paid; the overdue standing ends and a stop for non-payment is refused again', () => {
    const { outcomes, state } = run(opened(true), expired('pay-1', '2025-03-04T09:00'), { type: 'RecordPayment', at: vn('2025-03-05T09:00') }, stopForNonPayment('2025-03-05T10:00'));
    expect(outcomes.map(types)).toEqual([['PaymentOverdue'], ['ProcessingResumed'], 'CASE.PAYMENT_NOT_OVERDUE']);
    expect(state.paymentOverdue).toBeUndefined();
  });

  it('takes no notice of an expiry when the case does not wait for payment, or has ended', () => {
    expect(run(opened(false), expired('pay-1', '2025-03-04T09:00'), stopForNonPayment('2025-03-04T10:00')).outcomes.map(types)).toEqual([[], 'CASE.PAYMENT_NOT_OVERDUE']);
    const stopped = run(opened(true), { type: 'StopProcessing', at: vn('2025-03-04T08:00'), reason: 'Người nộp đề nghị dừng', decidedBy: 'leader-1' }, expired('pay-1', '2025-03-04T09:00'));
    expect(stopped.outcomes.map(types)).toEqual([['ProcessingStopped'], []]);
    expect((stopped.outcomes[0] as CaseEvent[])[0].data).toMatchObject({ ground: 'OTHER' });
  });
});
