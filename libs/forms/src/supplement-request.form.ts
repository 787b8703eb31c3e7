import { IssuingBody, issuerOf, ProcedureFacts, procedureLine } from './form-facts';
import { formatDate, formatDateTime, OneStopForm, orBlank } from './one-stop-form';

export interface SupplementRequestFacts {
  /** The desk that returns the dossier at reception, or the department that asks during processing. */
  issuer: IssuingBody;
  code: string;
  applicantName?: string;
  procedure: ProcedureFacts;
  /** Everything missing or to complete, as the officer listed it. */
  missing: string[];
  /** Neither act records a reason of its own: absent, the form gives the legal ground for a return. */
  reason?: string;
  requestedAt: string;
  /** When the dossier was received, for a request made during processing. */
  receivedAt?: string;
  /** 1 for the dossier's first request of its kind. */
  sequence: number;
  officerId: string;
}

export const DEFAULT_SUPPLEMENT_REASON = 'Hồ sơ chưa đầy đủ, chưa hợp lệ theo quy định của thủ tục hành chính.';

/** Mẫu 02: everything the applicant must bring or complete, in one request. */
export function supplementRequestForm(facts: SupplementRequestFacts): OneStopForm {
  const issuer = issuerOf(facts.issuer);
  const received = facts.receivedAt ? `Ngày ${formatDate(facts.receivedAt)}, ${issuer.name} đã tiếp nhận hồ sơ mã ${facts.code}. ` : '';
  return {
    form: '02',
    title: 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ',
    issuer,
    code: facts.code,
    issuedAt: facts.requestedAt,
    fields: [
      { label: 'Mã hồ sơ', value: facts.code },
      { label: 'Hồ sơ của', value: orBlank(facts.applicantName) },
      { label: 'Nội dung yêu cầu giải quyết', value: procedureLine(facts.procedure) },
      { label: 'Yêu cầu bổ sung lần thứ', value: String(facts.sequence) },
      { label: 'Lý do', value: facts.reason ?? DEFAULT_SUPPLEMENT_REASON },
      { label: 'Thời gian yêu cầu', value: formatDateTime(facts.requestedAt) },
      { label: 'Người hướng dẫn (mã cán bộ)', value: facts.officerId },
    ],
    lists: [{ label: 'Đề nghị bổ sung, hoàn thiện hồ sơ gồm những nội dung sau', items: facts.missing }],
    statements: [
      `${received}Qua xem xét, ${issuer.name} đề nghị ông/bà bổ sung, hoàn thiện hồ sơ gồm những nội dung nêu trên và nộp tại Bộ phận Một cửa.`,
      'Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, ông/bà liên hệ với người hướng dẫn để được hướng dẫn.',
    ],
    signatures: [{ title: 'NGƯỜI HƯỚNG DẪN', note: '(Ký và ghi rõ họ tên)' }],
  };
}
