import { BLANK, OneStopForm } from '@motcua/forms';
import { dossierReceived } from '@motcua/testing';
import type { DossierEvent, DossierEventOf } from '../../domain/dossier/dossier.events';
import { dossierForm, DossierFormLookups } from './dossier-forms';

const dossierId = '7d0c8f6e-3f4c-4d8e-9a55-0d6f3b1c2a10';
const code = 'H56.22-251122-0042';
const submitted: DossierEventOf<'DossierSubmitted'>['data'] = {
  dossierId,
  code,
  submittedAt: '2025-11-22T02:00:00.000Z',
  channel: 'ONLINE',
  unit: 'H56.22',
  procedureCode: 'SAMPLE.DD.01',
  procedureVersion: 1,
  applicantRef: 'a'.repeat(64),
  applicantKind: 'INDIVIDUAL',
  components: [{ componentId: 'form', name: 'Đơn', provenance: 'ELECTRONIC', documentId: 'doc-1' }],
  delivery: 'ONLINE',
};
const returned = (n: number, missing: string[]): DossierEvent => ({ type: 'DossierReturnedForSupplement', data: { dossierId, code, returnedAt: `2025-11-2${n}T03:00:00.000Z`, missing, officerId: `officer-${n}` } });
const provided: DossierEvent = { type: 'SupplementProvided', data: { dossierId, code, providedAt: '2025-11-24T01:00:00.000Z', components: submitted.components } };
const lookups: DossierFormLookups = { unit: { code: 'H56.22', name: 'Phường Hạc Thành', parentName: 'Tỉnh Thanh Hóa' }, procedure: { code: 'SAMPLE.DD.01', name: 'Tên trong danh mục' }, applicantName: 'Nguyễn Văn An' };
const value = (form: OneStopForm, label: string) => form.fields.find((f) => f.label === label)?.value;
const thrown = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return 'nothing thrown';
};

describe("the desk's forms rebuilt from a dossier's events", () => {
  const history: DossierEvent[] = [{ type: 'DossierSubmitted', data: submitted }, returned(1, ['Bản sao sổ đỏ']), provided, returned(5, ['Ảnh 4x6', 'Tờ khai'])];

  it('prints each return at reception by its number, the latest when none is given', () => {
    const first = dossierForm(history, { form: '02', sequence: 1 }, lookups);
    expect(first.lists[0].items).toEqual(['Bản sao sổ đỏ']);
    expect(value(first, 'Yêu cầu bổ sung lần thứ')).toBe('1');
    expect(value(first, 'Người hướng dẫn (mã cán bộ)')).toBe('officer-1');
    expect(value(first, 'Nội dung yêu cầu giải quyết')).toBe('Tên trong danh mục (mã SAMPLE.DD.01)');
    expect(dossierForm(history, { form: '02' }, lookups)).toEqual(dossierForm(history, { form: '02', sequence: 2 }, lookups));
    expect(dossierForm(history, { form: '02' }, lookups).lists[0].items).toEqual(['Ảnh 4x6', 'Tờ khai']);
  });

  it('answers FORM.NOT_FOUND for an act that never happened', () => {
    expect(thrown(() => dossierForm(history, { form: '02', sequence: 3 }, lookups))).toBe('FORM.NOT_FOUND');
    expect(thrown(() => dossierForm(history, { form: '01' }, lookups))).toBe('FORM.NOT_FOUND');
    expect(thrown(() => dossierForm(history, { form: '03' }, lookups))).toBe('FORM.NOT_FOUND');
  });

  it('prints the receipt from the snapshot reception recorded, and leaves an erased applicant to be written in', () => {
    const received = dossierReceived({ dossierId, code, unit: 'H56.22' });
    const events: DossierEvent[] = [{ type: 'DossierSubmitted', data: submitted }, { type: 'DossierReceived', data: received }];
    const receipt = dossierForm(events, { form: '01' }, { ...lookups, applicantName: undefined });
    expect(value(receipt, 'Nội dung yêu cầu giải quyết')).toBe(`${received.procedure.name} (mã ${received.procedure.code})`);
    expect(value(receipt, 'Tiếp nhận hồ sơ của')).toBe(BLANK);
    expect(receipt).toMatchObject({ form: '01', code, issuedAt: received.receivedAt, issuer: { name: 'Phường Hạc Thành', parent: 'Tỉnh Thanh Hóa' } });
  });

  it('prints the refusal with its reason', () => {
    const refused: DossierEvent[] = [{ type: 'DossierSubmitted', data: submitted }, { type: 'DossierRejected', data: { dossierId, code, rejectedAt: '2025-11-22T04:00:00.000Z', reason: 'Không thuộc thẩm quyền', officerId: 'officer-9' } }];
    const form = dossierForm(refused, { form: '03' }, lookups);
    expect(value(form, 'Lý do từ chối')).toBe('Không thuộc thẩm quyền');
    expect(value(form, 'Tiếp nhận hồ sơ của')).toBe('Nguyễn Văn An');
  });
});
