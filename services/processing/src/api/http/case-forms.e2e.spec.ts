import { randomUUID } from 'node:crypto';
import { WorkingCalendar } from '@motcua/calendar';
import { DossierReceived, integrationEvents, Topics } from '@motcua/contracts';
import type { OneStopForm } from '@motcua/forms';
import { FixedClock } from '@motcua/platform';
import { dossierReceived, eventually, formTextsMissing, InProcessService, procedureSnapshot, readPrintedPdf, startInProcessService } from '@motcua/testing';
import { ProcessingModule } from '../../processing.module';

const vn = (local: string) => new Date(`${local}+07:00`);
// Far ahead of real time and of the other processing specs' clocks, so no deadline pass touches these cases.
const clock = new FixedClock(vn('2097-06-02T08:30'));
const KAFKA_WAIT = { timeoutMs: 60_000 };
/** dd/MM/yyyy in Asia/Ho_Chi_Minh, computed with the platform's time-zone data, not the forms' arithmetic. */
const localDate = (instant: string) => new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date(instant));

/**
 * A department's one-stop forms over HTTP (real PostgreSQL and Kafka): the supplement request
 * (Mẫu 02) and the apology letter (Mẫu 04) answer their form as data, and print it as an A4 PDF
 * whose text, read back with pdfjs-dist, holds every field as written.
 */
describe("processing: a case's one-stop forms (Mẫu 02, 04) as data and as PDFs", () => {
  let h: InProcessService;

  beforeAll(async () => {
    h = await startInProcessService(ProcessingModule, {
      service: 'processing',
      isolate: { prefix: 'processing_forms_e2e' },
      env: { DEADLINE_CHECK_INTERVAL_MS: '3600000' },
      topics: [Topics.intake],
      clock,
    });
  });
  afterAll(() => h?.close());

  const officer = (unit: string) => h.officer('PROCESSING_OFFICER', unit, `officer-${unit}`);
  const leader = (unit: string) => h.officer('LEADER', unit, `leader-${unit}`);
  const call = (method: string, path: string, who: Record<string, string>, body?: unknown) =>
    fetch(`${h.base}${path}`, { method, headers: { ...who, ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, body: body === undefined ? undefined : JSON.stringify(body) });
  const json = async <T = Record<string, unknown>>(response: Response) => (await response.json()) as T;
  const problem = async (response: Response) => ({ status: response.status, type: response.headers.get('content-type'), code: (await json<{ code: string }>(response)).code });

  async function openCase(code: string, agencies: string[]): Promise<string> {
    const dossierId = randomUUID();
    const procedure = procedureSnapshot({ agencies, name: 'Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất', processingTime: { value: 10, unit: 'WORKING_DAYS' } });
    const receivedAt = clock.now();
    const dueAt = (new WorkingCalendar().dueAt(receivedAt, procedure.processingTime) as Date).toISOString();
    const data = dossierReceived({ dossierId, code, receivedAt: receivedAt.toISOString(), dueAt, unit: agencies[0], procedure });
    await h.send(Topics.intake, integrationEvents.createEnvelope(DossierReceived, { source: 'motcua/intake', subject: dossierId, time: data.receivedAt, data }));
    await eventually(async () => (await h.store.readStream(dossierId)).length, (n) => n >= 2, { ...KAFKA_WAIT, what: 'the case opened from Kafka' });
    return dossierId;
  }

  /** The PDF at `path`: A4 on every page, and its text as a reader would search it. */
  async function printed(path: string, who: Record<string, string>) {
    const pdf = await readPrintedPdf(await call('GET', path, who));
    expect([pdf.status, pdf.contentType, pdf.magic]).toEqual([200, 'application/pdf', '%PDF-']);
    for (const box of pdf.mediaBoxes) expect(box).toEqual([0, 0, 595, 842]);
    return { bytes: pdf.bytes, text: pdf.text };
  }
  const absentFrom = formTextsMissing;

  it("Mẫu 02: the department's request answers its form and prints it by its id; another id, another agency find nothing", async () => {
    clock.set(vn('2097-06-02T08:30'));
    const code = 'H56.22-970602-0001';
    const dossierId = await openCase(code, ['H56.22']);
    clock.set(vn('2097-06-04T14:45'));
    const missing = ['Bản đồ địa chính thửa đất có xác nhận', 'Biên lai nộp thuế thu nhập cá nhân'];
    const requested = await call('POST', `/cases/${dossierId}/supplement-requests`, officer('H56.22'), { missing });
    expect(requested.status).toBe(201);
    const answer = await json<{ requestId: string; sequence: number; status: string; form: OneStopForm }>(requested);
    expect(answer).toMatchObject({ sequence: 1, status: 'PAUSED', form: { form: '02', code, issuedAt: vn('2097-06-04T14:45').toISOString() } });
    expect(answer.form.lists[0].items).toEqual(missing);
    const values = answer.form.fields.map((f) => f.value);
    expect(values).toEqual(expect.arrayContaining([code, 'officer-H56.22', '14 giờ 45 phút, ngày 04/06/2097']));

    const path = `/cases/${dossierId}/forms/supplement-requests/${answer.requestId}.pdf`;
    const { bytes, text } = await printed(path, officer('H56.22'));
    expect(absentFrom(text, answer.form)).toEqual([]);
    for (const written of [code, 'Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất', localDate(answer.form.issuedAt), localDate(vn('2097-06-02T08:30').toISOString())]) expect(text).toContain(written);
    expect((await printed(path, h.officer('ADMIN', 'H56'))).bytes.equals(bytes)).toBe(true);

    expect(await problem(await call('GET', `/cases/${dossierId}/forms/supplement-requests/${randomUUID()}.pdf`, officer('H56.22')))).toEqual({ status: 404, type: expect.stringContaining('application/problem+json'), code: 'FORM.NOT_FOUND' });
    expect((await call('GET', path, officer('H56.30'))).status).toBe(403);
    expect((await problem(await call('GET', `/cases/${randomUUID()}/forms/apology.pdf`, officer('H56.22')))).code).toBe('CASE.NOT_FOUND');
    expect((await call('GET', path, h.portal())).status).toBe(403);
  });

  it('Mẫu 04: the apology answers its form with both appointments, the reason and the leader, and prints it', async () => {
    clock.set(vn('2097-06-02T08:30'));
    const code = 'H56.22-970602-0002';
    const dossierId = await openCase(code, ['H56.22']);
    expect((await problem(await call('GET', `/cases/${dossierId}/forms/apology.pdf`, leader('H56.22')))).code).toBe('FORM.NOT_FOUND');
    clock.set(vn('2097-06-13T10:00'));
    const reason = 'Chờ kết quả xác minh nguồn gốc đất của Ủy ban nhân dân phường Hạc Thành, tỉnh Thanh Hóa';
    const issued = await call('POST', `/cases/${dossierId}/apology`, leader('H56.22'), { reason });
    expect(issued.status).toBe(201);
    const letter = await json<{ dueAt: string; newAppointmentAt: string; form: OneStopForm }>(issued);
    expect(letter.form).toMatchObject({ form: '04', code, title: 'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ', issuer: { name: 'Cơ quan mã H56.22' } });
    expect(letter.form.fields.map((f) => f.value)).toEqual(expect.arrayContaining([reason, 'leader-H56.22']));

    const { text } = await printed(`/cases/${dossierId}/forms/apology.pdf`, officer('H56.22'));
    expect(absentFrom(text, letter.form)).toEqual([]);
    for (const written of [reason, 'Thanh Hóa', code, localDate(letter.dueAt), localDate(letter.newAppointmentAt), localDate(vn('2097-06-13T10:00').toISOString())]) expect(text).toContain(written);
  });
});
