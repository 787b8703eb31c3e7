import { BLANK, OneStopForm } from '@motcua/forms';
import { dossierReceived } from '@motcua/testing';
import type { CaseEvent } from '../../domain/case/case.events';
import { caseForm } from './case-forms';

const opened = dossierReceived({ dossierId: '7d0c8f6e-3f4c-4d8e-9a55-0d6f3b1c2a10', code: 'H56.22-250303-0007', unit: 'H56.22' });
const { dossierId } = opened;
const requested = (requestId: string, sequence: number, agency: string): CaseEvent => ({
  type: 'SupplementRequested',
  data: { dossierId, requestId, requestedAt: '2025-03-05T03:00:00.000Z', missing: [`Giấy tờ ${sequence}`], agency, officerId: `officer-${sequence}`, sequence },
});
const apology: CaseEvent = {
  type: 'ApologyIssued',
  data: { dossierId, issuedAt: '2025-03-14T02:00:00.000Z', dueAt: '2025-03-17T02:00:00.000Z', newAppointmentAt: '2025-03-24T02:00:00.000Z', reason: 'Chờ cơ quan thuế', agency: 'H56.10' },
};
const value = (form: OneStopForm, label: string) => form.fields.find((f) => f.label === label)?.value;
const thrown = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return 'nothing thrown';
};

describe("a case's forms rebuilt from its events", () => {
  const events: CaseEvent[] = [{ type: 'CaseOpened', data: opened }, requested('r1', 1, 'H56.22'), requested('r2', 2, 'H56.10'), apology];

  it('prints a supplement request by its id, from the agency that asked, with the applicant left to be written in', () => {
    const form = caseForm(opened, events, { form: '02', requestId: 'r2' });
    expect(form).toMatchObject({ form: '02', code: opened.code, issuer: { name: 'Cơ quan mã H56.10' } });
    expect(form.lists[0].items).toEqual(['Giấy tờ 2']);
    expect(value(form, 'Yêu cầu bổ sung lần thứ')).toBe('2');
    expect(value(form, 'Hồ sơ của')).toBe(BLANK);
    expect(thrown(() => caseForm(opened, events, { form: '02', requestId: 'r3' }))).toBe('FORM.NOT_FOUND');
  });

  it('prints the apology; one issued by the deadline check has no signer', () => {
    const form = caseForm(opened, events, { form: '04' });
    expect(value(form, 'Lý do chậm trễ')).toBe('Chờ cơ quan thuế');
    expect(value(form, 'Người ký (mã cán bộ)')).toBe(BLANK);
    expect(thrown(() => caseForm(opened, events.slice(0, 3), { form: '04' }))).toBe('FORM.NOT_FOUND');
  });
});
