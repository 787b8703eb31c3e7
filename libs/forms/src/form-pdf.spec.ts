import { pdfText, searchableText } from '@motcua/testing';
import { A4_POINTS, renderFormPdf } from './form-pdf';
import { OneStopForm } from './one-stop-form';
import { receiptForm } from './receipt.form';

const vn = (local: string) => new Date(`${local}+07:00`).toISOString();
const form: OneStopForm = receiptForm({
  unit: { code: 'H56.22', name: 'Trung tâm Phục vụ hành chính công tỉnh Thanh Hóa', parentName: 'Ủy ban nhân dân tỉnh Thanh Hóa' },
  code: 'H56.22-250303-0042',
  applicantName: 'Nguyễn Thị Hồng Nhung',
  procedure: { code: '1.001612', name: 'Cấp phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam', processingTime: { value: 10, unit: 'WORKING_DAYS' } },
  components: Array.from({ length: 30 }, (_, i) => ({ name: `Giấy tờ số ${i + 1}: bản sao có chứng thực sổ hộ khẩu, giấy khai sinh hoặc giấy tờ chứng minh nơi cư trú`, provenance: 'PAPER' as const })),
  channel: 'COUNTER',
  delivery: 'COUNTER',
  receivedAt: vn('2025-03-03T09:15'),
  dueAt: vn('2025-03-17T09:15'),
  officerId: 'reception-7',
});

describe('a one-stop form printed as a PDF (pdfkit, A4, DejaVu Sans)', () => {
  it('prints every field, list item, statement, the motto and the form number, and the text reads back with its diacritics', async () => {
    const bytes = await renderFormPdf(form);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pdf = await pdfText(bytes);
    for (const page of pdf.pages) expect(page.mediaBox.map((n) => Math.round(n))).toEqual([0, 0, Math.round(A4_POINTS[0]), Math.round(A4_POINTS[1])]);
    // Thirty long components do not fit one page: the list flows on, and the signatures follow it.
    expect(pdf.pages.length).toBeGreaterThan(1);
    const expected = [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Mẫu số 01',
      form.title,
      form.issuer.name.toUpperCase(),
      'Ngày 03 tháng 03 năm 2025',
      ...form.fields.flatMap((f) => [f.label, f.value]),
      ...form.lists.flatMap((l) => l.items),
      ...form.statements,
      ...form.signatures.flatMap((s) => [s.title, s.note, s.name ?? '']),
    ].filter(Boolean);
    expect(expected.filter((text) => !pdf.searchable.includes(searchableText(text)))).toEqual([]);
    expect(pdf.searchable).toContain('Nguyễn Thị Hồng Nhung');
    expect(pdf.info).toMatchObject({ Title: 'Mẫu số 01 - GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ' });
  });

  it('gives the same bytes for the same form, whenever it is printed', async () => {
    const [first, second] = [await renderFormPdf(form), await renderFormPdf(structuredClone(form))];
    expect(first.equals(second)).toBe(true);
    const later = await renderFormPdf({ ...form, issuedAt: vn('2025-03-04T09:15') });
    expect(later.equals(first)).toBe(false);
  });
});
