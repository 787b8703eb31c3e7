import { IssuingBody, issuerOf, ProcedureFacts, procedureLine } from './form-facts';
import { formatDate, formatDateTime, OneStopForm, orBlank } from './one-stop-form';

export interface ApologyFacts {
  /** The agency at fault: the case's current step. */
  agency: IssuingBody;
  code: string;
  applicantName?: string;
  procedure: ProcedureFacts;
  receivedAt: string;
  /** The appointment the dossier missed (or is about to). */
  dueAt: string;
  reason: string;
  newAppointmentAt: string;
  issuedAt: string;
  /** The leader who issued it; absent when the deadline check issued it on finding the dossier overdue. */
  issuedBy?: string;
}

/** Mẫu 04: the agency apologises for the delay and gives a new appointment date. */
export function apologyForm(facts: ApologyFacts): OneStopForm {
  const issuer = issuerOf(facts.agency);
  return {
    form: '04',
    title: 'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ',
    issuer,
    code: facts.code,
    issuedAt: facts.issuedAt,
    fields: [
      { label: 'Mã hồ sơ', value: facts.code },
      { label: 'Hồ sơ của', value: orBlank(facts.applicantName) },
      { label: 'Nội dung yêu cầu giải quyết', value: procedureLine(facts.procedure) },
      { label: 'Ngày tiếp nhận hồ sơ', value: formatDate(facts.receivedAt) },
      { label: 'Thời gian hẹn trả kết quả', value: formatDateTime(facts.dueAt) },
      { label: 'Lý do chậm trễ', value: facts.reason },
      { label: 'Thời gian hẹn lại trả kết quả', value: formatDateTime(facts.newAppointmentAt) },
      { label: 'Ngày lập phiếu', value: formatDate(facts.issuedAt) },
      { label: 'Người ký (mã cán bộ)', value: orBlank(facts.issuedBy) },
    ],
    lists: [],
    statements: [
      `Ngày ${formatDate(facts.receivedAt)}, ${issuer.name} tiếp nhận giải quyết hồ sơ mã ${facts.code}, hẹn trả kết quả ngày ${formatDate(facts.dueAt)}. Tuy nhiên đến nay, ${issuer.name} chưa trả kết quả giải quyết hồ sơ theo đúng hẹn.`,
      `Sự chậm trễ này đã gây phiền hà, tốn kém chi phí đi lại của ông/bà. ${issuer.name} xin lỗi ông/bà và hẹn lại thời gian trả kết quả vào ngày ${formatDate(facts.newAppointmentAt)}.`,
      'Rất mong nhận được sự thông cảm của ông/bà vì sự chậm trễ này.',
    ],
    signatures: [{ title: 'THỦ TRƯỞNG CƠ QUAN', note: '(Ký, ghi rõ họ tên và đóng dấu)' }],
  };
}
