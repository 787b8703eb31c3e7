import { IssuingBody, issuerOf, ProcedureFacts, procedureLine } from './form-facts';
import { formatDateTime, OneStopForm, orBlank } from './one-stop-form';

export interface RefusalFacts {
  unit: IssuingBody;
  /** Given at submission, so every refused dossier has one; kept optional for a refusal before it. */
  code?: string;
  applicantName?: string;
  procedure: ProcedureFacts;
  reason: string;
  rejectedAt: string;
  officerId: string;
}

/** Mẫu 03: the desk will not receive the dossier, and says why. */
export function refusalForm(facts: RefusalFacts): OneStopForm {
  const issuer = issuerOf(facts.unit);
  return {
    form: '03',
    title: 'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ',
    issuer,
    ...(facts.code ? { code: facts.code } : {}),
    issuedAt: facts.rejectedAt,
    fields: [
      { label: 'Mã hồ sơ', value: orBlank(facts.code) },
      { label: 'Bộ phận tiếp nhận và trả kết quả', value: issuer.name },
      { label: 'Tiếp nhận hồ sơ của', value: orBlank(facts.applicantName) },
      { label: 'Nội dung yêu cầu giải quyết', value: procedureLine(facts.procedure) },
      { label: 'Lý do từ chối', value: facts.reason },
      { label: 'Thời gian từ chối', value: formatDateTime(facts.rejectedAt) },
      { label: 'Người tiếp nhận hồ sơ (mã cán bộ)', value: facts.officerId },
    ],
    lists: [],
    statements: [
      `Căn cứ quy định của thủ tục hành chính, ${issuer.name} thông báo không tiếp nhận, giải quyết hồ sơ này với lý do nêu trên.`,
      'Xin thông báo để ông/bà được biết và thực hiện.',
    ],
    signatures: [{ title: 'NGƯỜI TIẾP NHẬN HỒ SƠ', note: '(Ký và ghi rõ họ tên)' }],
  };
}
