import { randomUUID } from 'node:crypto';
import type { OneStopForm } from '@motcua/forms';
import { InProcessService, formTextsMissing, readPrintedPdf, startInProcessService } from '@motcua/testing';
import { IntakeConfig } from '../../intake.config';
import { IntakeModule } from '../../intake.module';

/** dd/MM/yyyy in Asia/Ho_Chi_Minh, computed here with the platform's time-zone data, not the forms' arithmetic. */
const localDate = (instant: string) => new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date(instant));

/**
 * The desk's one-stop forms over HTTP (real PostgreSQL and Kafka): each act answers its form as
 * data, and the same form prints as an A4 PDF whose text, read back with pdfjs-dist, holds every
 * field as written, diacritics intact.
 */
describe("intake: the desk's one-stop forms (Mẫu 01, 02, 03) as data and as PDFs", () => {
  let h: InProcessService;

  beforeAll(async () => {
    h = await startInProcessService(IntakeModule, {
      service: 'intake',
      config: IntakeConfig,
      isolate: { prefix: 'intake_forms_e2e' },
      env: { APPLICANT_REF_KEY: 'forms-e2e-applicant-ref-key-0123456789' },
    });
  });
  afterAll(() => h?.close());

  const officer = (unit: string) => h.officer('RECEPTION_OFFICER', unit, `reception-${unit}`);
  const call = (method: string, path: string, headers: Record<string, string>, payload?: unknown) =>
    fetch(`${h.base}${path}`, { method, headers: { ...headers, ...(payload === undefined ? {} : { 'content-type': 'application/json' }) }, body: payload === undefined ? undefined : JSON.stringify(payload) });
  const json = async <T = Record<string, unknown>>(response: Response) => (await response.json()) as T;
  const unitName = async (code: string) => (await h.db.query<{ name: string }>('select name from intake.units where code = $1', [code])).rows[0].name;

  /** The PDF at `path`: A4 on every page, and its text as a reader would search it. */
  async function printed(path: string, who: Record<string, string>) {
    const pdf = await readPrintedPdf(await call('GET', path, who));
    expect([pdf.status, pdf.contentType, pdf.magic]).toEqual([200, 'application/pdf', '%PDF-']);
    for (const box of pdf.mediaBoxes) expect(box).toEqual([0, 0, 595, 842]);
    return { bytes: pdf.bytes, text: pdf.text };
  }
  const absentFrom = formTextsMissing;
  const problem = async (response: Response) => ({ status: response.status, type: response.headers.get('content-type'), code: (await json<{ code: string }>(response)).code });

  const submitOnline = async (fullName: string) => {
    const response = await call('POST', '/dossiers', { ...h.portal(), 'idempotency-key': randomUUID() }, {
      procedureCode: 'SAMPLE.LLTP.01',
      unit: 'H56.10',
      applicant: { kind: 'INDIVIDUAL', identifier: '038090001234', fullName },
      components: [{ componentId: 'form', name: 'Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp', provenance: 'ELECTRONIC', documentId: 'doc-1' }],
      delivery: 'ONLINE',
    });
    expect(response.status).toBe(201);
    return (await json<{ dossierId: string; code: string }>(response)).dossierId;
  };

  it('Mẫu 01: the counter registration answers the receipt, and the same receipt prints, the same bytes each time', async () => {
    const components = [
      { componentId: 'form', name: 'Đơn đăng ký biến động đất đai', provenance: 'PAPER' },
      { componentId: 'contract', name: 'Hợp đồng chuyển nhượng quyền sử dụng đất', provenance: 'PAPER' },
      { componentId: 'certificate', name: 'Giấy chứng nhận quyền sử dụng đất', provenance: 'PAPER' },
    ];
    const registered = await call('POST', '/dossiers/at-desk', { ...officer('H56.22'), 'idempotency-key': randomUUID() }, {
      channel: 'COUNTER',
      procedureCode: 'SAMPLE.DD.01',
      unit: 'H56.22',
      applicant: { kind: 'INDIVIDUAL', identifier: '038090001234', fullName: 'Nguyễn Thị Thanh Hương' },
      components,
      delivery: 'COUNTER',
    });
    expect(registered.status).toBe(201);
    const slip = await json<{ dossierId: string; code: string; receivedAt: string; dueAt: string; form: OneStopForm }>(registered);
    const { form } = slip;
    const unit = await unitName('H56.22');
    expect(form).toMatchObject({ form: '01', code: slip.code, issuedAt: slip.receivedAt, issuer: { name: unit, parent: await unitName('H56') } });
    const values = form.fields.map((f) => f.value);
    expect(values).toEqual(expect.arrayContaining([slip.code, unit, 'Nguyễn Thị Thanh Hương', 'reception-H56.22']));
    expect(values.filter((v) => v.includes(localDate(slip.receivedAt)) || v.includes(localDate(slip.dueAt)))).toHaveLength(2);
    expect(form.lists[0].items).toEqual(components.map((c) => `${c.name} (bản giấy)`));

    const { bytes, text } = await printed(`/dossiers/${slip.dossierId}/forms/receipt.pdf`, officer('H56.22'));
    expect(absentFrom(text, form)).toEqual([]);
    // The header prints the issuing body and its parent in capitals, as the forms lay it out.
    for (const written of ['Nguyễn Thị Thanh Hương', 'TỈNH THANH HÓA', slip.code, localDate(slip.receivedAt), localDate(slip.dueAt)]) expect(text).toContain(written);
    expect((await printed(`/dossiers/${slip.dossierId}/forms/receipt.pdf`, h.officer('ADMIN', 'H56'))).bytes.equals(bytes)).toBe(true);

    expect(await problem(await call('GET', `/dossiers/${slip.dossierId}/forms/refusal.pdf`, officer('H56.22')))).toEqual({ status: 404, type: expect.stringContaining('application/problem+json'), code: 'FORM.NOT_FOUND' });
    expect((await call('GET', `/dossiers/${slip.dossierId}/forms/receipt.pdf`, officer('H56.30'))).status).toBe(403);
    expect((await problem(await call('GET', `/dossiers/${randomUUID()}/forms/receipt.pdf`, officer('H56.22')))).code).toBe('DOSSIER.NOT_FOUND');
  });

  it('Mẫu 02: each return at reception answers its form and number; the portal prints each, another portal finds nothing; then Mẫu 01 on reception', async () => {
    const dossierId = await submitOnline('Trần Đức Hải');
    expect((await problem(await call('GET', `/dossiers/${dossierId}/forms/receipt.pdf`, h.portal()))).code).toBe('FORM.NOT_FOUND');
    const missing = ['Bản sao Căn cước công dân có chứng thực', 'Tờ khai có chữ ký của người yêu cầu'];
    const returned = await call('POST', `/dossiers/${dossierId}/return-for-supplement`, officer('H56.10'), { missing });
    expect(returned.status).toBe(200);
    const first = await json<{ status: string; sequence: number; form: OneStopForm }>(returned);
    expect(first).toMatchObject({ status: 'RETURNED_FOR_SUPPLEMENT', sequence: 1, form: { form: '02', issuer: { name: await unitName('H56.10') } } });
    expect(first.form.lists[0].items).toEqual(missing);
    expect(first.form.fields.map((f) => f.value)).toEqual(expect.arrayContaining(['Trần Đức Hải', 'reception-H56.10']));

    const one = await printed(`/dossiers/${dossierId}/forms/supplement-requests/1.pdf`, h.portal());
    expect(absentFrom(one.text, first.form)).toEqual([]);
    expect(one.text).toContain(localDate(first.form.issuedAt));
    expect((await problem(await call('GET', `/dossiers/${dossierId}/forms/supplement-requests/2.pdf`, h.portal()))).code).toBe('FORM.NOT_FOUND');
    expect((await problem(await call('GET', `/dossiers/${dossierId}/forms/supplement-requests/1.pdf`, h.portal('other')))).code).toBe('DOSSIER.NOT_FOUND');

    const supplement = { components: [{ componentId: 'form', name: 'Tờ khai (bổ sung)', provenance: 'ELECTRONIC', documentId: 'doc-2' }] };
    expect((await call('POST', `/dossiers/${dossierId}/supplements`, h.portal(), supplement)).status).toBe(200);
    const second = await json<{ sequence: number; form: OneStopForm }>(await call('POST', `/dossiers/${dossierId}/return-for-supplement`, officer('H56.10'), { missing: ['Ảnh chân dung 4x6'] }));
    expect(second.sequence).toBe(2);
    expect(absentFrom((await printed(`/dossiers/${dossierId}/forms/supplement-requests/2.pdf`, h.portal())).text, second.form)).toEqual([]);
    expect((await printed(`/dossiers/${dossierId}/forms/supplement-requests/1.pdf`, officer('H56.10'))).bytes.equals(one.bytes)).toBe(true);

    // Supplemented again, the dossier is received: the reception answers Mẫu 01, which the portal prints.
    expect((await call('POST', `/dossiers/${dossierId}/supplements`, h.portal(), supplement)).status).toBe(200);
    const received = await call('POST', `/dossiers/${dossierId}/receive`, officer('H56.10'));
    expect(received.status).toBe(200);
    const slip = await json<{ code: string; dueAt: string; form: OneStopForm }>(received);
    expect(slip.form).toMatchObject({ form: '01', code: slip.code });
    expect(slip.form.lists[0].items).toEqual(['Tờ khai (bổ sung) (bản điện tử)']);
    const receipt = await printed(`/dossiers/${dossierId}/forms/receipt.pdf`, h.portal());
    expect(absentFrom(receipt.text, slip.form)).toEqual([]);
    for (const written of ['Trần Đức Hải', 'Sở Tư pháp tỉnh Thanh Hóa', slip.code, localDate(slip.dueAt)]) expect(receipt.text).toContain(written);
  });

  it('Mẫu 03: the refusal answers its form with the reason, and prints it', async () => {
    const dossierId = await submitOnline('Phạm Thị Ngọc Ánh');
    const reason = 'Hồ sơ không thuộc thẩm quyền giải quyết của Sở Tư pháp; đề nghị nộp tại Ủy ban nhân dân cấp xã';
    const rejected = await call('POST', `/dossiers/${dossierId}/reject`, officer('H56.10'), { reason });
    expect(rejected.status).toBe(200);
    const answer = await json<{ status: string; form: OneStopForm }>(rejected);
    expect(answer).toMatchObject({ status: 'REJECTED', form: { form: '03', title: 'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ' } });
    expect(answer.form.fields.map((f) => f.value)).toEqual(expect.arrayContaining([reason, 'Phạm Thị Ngọc Ánh']));
    const { text } = await printed(`/dossiers/${dossierId}/forms/refusal.pdf`, h.portal());
    expect(absentFrom(text, answer.form)).toEqual([]);
    for (const written of [reason, 'Phạm Thị Ngọc Ánh', 'Sở Tư pháp tỉnh Thanh Hóa', localDate(answer.form.issuedAt)]) expect(text).toContain(written);
  });
});
