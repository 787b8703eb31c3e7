import { apologyForm } from './apology.form';
import { BLANK, formatDate, formatDateTime, OneStopForm } from './one-stop-form';
import { receiptForm, ReceiptFacts } from './receipt.form';
import { refusalForm } from './refusal.form';
import { DEFAULT_SUPPLEMENT_REASON, supplementRequestForm } from './supplement-request.form';

const vn = (local: string) => new Date(`${local}+07:00`).toISOString();
const field = (form: OneStopForm, label: string) => form.fields.find((f) => f.label === label)?.value;
const centre = { code: 'H56.22', name: 'Trung tâm Phục vụ hành chính công tỉnh Thanh Hóa', parentName: 'Ủy ban nhân dân tỉnh Thanh Hóa' };
const procedure = { code: '1.001612', name: 'Cấp phiếu lý lịch tư pháp', processingTime: { value: 10, unit: 'WORKING_DAYS' as const } };

describe('one-stop forms as data (Decree 61/2018, Circular 01/2018)', () => {
  it('gives dates in Asia/Ho_Chi_Minh, across the UTC day boundary', () => {
    expect(formatDate('2025-03-02T17:30:00.000Z')).toBe('03/03/2025');
    expect(formatDateTime('2025-03-02T17:30:00.000Z')).toBe('00 giờ 30 phút, ngày 03/03/2025');
  });

  const receipt: ReceiptFacts = {
    unit: centre,
    code: 'H56.22-250303-0042',
    applicantName: 'Nguyễn Thị Hồng',
    procedure,
    components: [
      { name: 'Tờ khai yêu cầu cấp phiếu lý lịch tư pháp', provenance: 'PAPER' },
      { name: 'Căn cước công dân', provenance: 'REUSED' },
    ],
    channel: 'ONLINE',
    delivery: 'POSTAL',
    receivedAt: vn('2025-03-03T09:15'),
    dueAt: vn('2025-03-17T09:15'),
    officerId: 'reception-7',
  };

  it('Mẫu 01: the receipt names the unit, code, applicant, procedure, components, the dates, delivery and the officer', () => {
    const form = receiptForm(receipt);
    expect(form).toMatchObject({ form: '01', title: 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ', issuer: { name: centre.name, parent: centre.parentName }, issuedAt: receipt.receivedAt });
    expect(field(form, 'Mã hồ sơ')).toBe('H56.22-250303-0042');
    expect(field(form, 'Tiếp nhận hồ sơ của')).toBe('Nguyễn Thị Hồng');
    expect(field(form, 'Nội dung yêu cầu giải quyết')).toBe('Cấp phiếu lý lịch tư pháp (mã 1.001612)');
    expect(field(form, 'Thời gian giải quyết hồ sơ theo quy định')).toBe('10 ngày làm việc');
    expect(field(form, 'Thời gian nhận hồ sơ')).toBe('09 giờ 15 phút, ngày 03/03/2025');
    expect(field(form, 'Thời gian trả kết quả giải quyết hồ sơ')).toBe('09 giờ 15 phút, ngày 17/03/2025');
    expect(field(form, 'Đăng ký nhận kết quả tại')).toBe('Qua dịch vụ bưu chính công ích');
    expect(field(form, 'Người tiếp nhận hồ sơ (mã cán bộ)')).toBe('reception-7');
    expect(form.lists).toEqual([
      { label: 'Thành phần hồ sơ nộp gồm', items: ['Tờ khai yêu cầu cấp phiếu lý lịch tư pháp (bản giấy)', 'Căn cước công dân (tái sử dụng từ kho dữ liệu điện tử)'] },
    ]);
    expect(form.signatures.map((s) => s.title)).toEqual(['NGƯỜI NỘP HỒ SƠ', 'NGƯỜI TIẾP NHẬN HỒ SƠ']);
  });

  it('leaves a line for what the service does not hold: an erased applicant, a unit known only by its code', () => {
    const form = receiptForm({ ...receipt, applicantName: undefined, unit: { code: 'H56.22' } });
    expect(field(form, 'Tiếp nhận hồ sơ của')).toBe(BLANK);
    expect(form.issuer).toEqual({ name: 'Cơ quan mã H56.22' });
    expect(form.signatures[0].name).toBeUndefined();
  });

  it('Mẫu 02: lists everything missing, with the ground for the request, its date and the officer', () => {
    const form = supplementRequestForm({
      issuer: { code: 'H56.10', name: 'Sở Tư pháp tỉnh Thanh Hóa' },
      code: 'H56.22-250303-0042',
      procedure,
      missing: ['Bản đồ thửa đất', 'Biên lai nộp thuế'],
      requestedAt: vn('2025-03-05T14:00'),
      receivedAt: vn('2025-03-03T09:15'),
      sequence: 1,
      officerId: 'officer-3',
    });
    expect(form).toMatchObject({ form: '02', title: 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ', issuedAt: vn('2025-03-05T14:00') });
    expect(form.lists[0].items).toEqual(['Bản đồ thửa đất', 'Biên lai nộp thuế']);
    expect(field(form, 'Lý do')).toBe(DEFAULT_SUPPLEMENT_REASON);
    expect(field(form, 'Hồ sơ của')).toBe(BLANK);
    expect(field(form, 'Thời gian yêu cầu')).toBe('14 giờ 00 phút, ngày 05/03/2025');
    expect(form.statements[0]).toContain('Ngày 03/03/2025, Sở Tư pháp tỉnh Thanh Hóa đã tiếp nhận hồ sơ mã H56.22-250303-0042.');
  });

  it('Mẫu 03: gives the reason for the refusal, the date and the officer', () => {
    const form = refusalForm({ unit: centre, code: 'H56.22-250303-0042', applicantName: 'Lê Văn Đức', procedure, reason: 'Không thuộc thẩm quyền giải quyết', rejectedAt: vn('2025-03-03T10:00'), officerId: 'reception-7' });
    expect(form).toMatchObject({ form: '03', title: 'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ' });
    expect(field(form, 'Lý do từ chối')).toBe('Không thuộc thẩm quyền giải quyết');
    expect(field(form, 'Tiếp nhận hồ sơ của')).toBe('Lê Văn Đức');
    expect(field(form, 'Thời gian từ chối')).toBe('10 giờ 00 phút, ngày 03/03/2025');
    expect(refusalForm({ unit: centre, procedure, reason: 'x', rejectedAt: vn('2025-03-03T10:00'), officerId: 'o' }).fields[0]).toEqual({ label: 'Mã hồ sơ', value: BLANK });
  });

  it('Mẫu 04: the original appointment, the reason for the delay, the new appointment and the apology itself', () => {
    const facts = {
      agency: { code: 'H56.10' },
      code: 'H56.22-250303-0042',
      procedure,
      receivedAt: vn('2025-03-03T09:15'),
      dueAt: vn('2025-03-17T09:15'),
      reason: 'Chờ kết quả xác minh của cơ quan thuế',
      newAppointmentAt: vn('2025-03-24T09:15'),
      issuedAt: vn('2025-03-14T09:00'),
      issuedBy: 'leader-1',
    };
    const form = apologyForm(facts);
    expect(form).toMatchObject({ form: '04', title: 'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ', issuer: { name: 'Cơ quan mã H56.10' }, issuedAt: facts.issuedAt });
    expect(field(form, 'Thời gian hẹn trả kết quả')).toBe('09 giờ 15 phút, ngày 17/03/2025');
    expect(field(form, 'Thời gian hẹn lại trả kết quả')).toBe('09 giờ 15 phút, ngày 24/03/2025');
    expect(field(form, 'Lý do chậm trễ')).toBe('Chờ kết quả xác minh của cơ quan thuế');
    expect(field(form, 'Người ký (mã cán bộ)')).toBe('leader-1');
    expect(field(form, 'Ngày lập phiếu')).toBe('14/03/2025');
    expect(form.statements.join(' ')).toContain('xin lỗi ông/bà và hẹn lại thời gian trả kết quả vào ngày 24/03/2025');
    expect(field(apologyForm({ ...facts, issuedBy: undefined }), 'Người ký (mã cán bộ)')).toBe(BLANK);
  });
});
