import { Channel, channelText, deliveryText, IssuingBody, issuerOf, ProcedureFacts, procedureLine, processingTimeText } from './form-facts';
import { formatDateTime, OneStopForm, orBlank } from './one-stop-form';

export type Provenance = 'ELECTRONIC' | 'PAPER' | 'REUSED';

export interface ReceiptFacts {
  unit: IssuingBody;
  code: string;
  /** As given at submission; absent once erased: the line is then left for handwriting. */
  applicantName?: string;
  procedure: ProcedureFacts;
  /** Copies and originals are not recorded per component: each says how it was received. */
  components: { name: string; provenance: Provenance }[];
  channel: Channel;
  delivery: Channel;
  receivedAt: string;
  dueAt: string;
  officerId: string;
}

const provenanceText: Record<Provenance, string> = {
  ELECTRONIC: 'bản điện tử',
  PAPER: 'bản giấy',
  REUSED: 'tái sử dụng từ kho dữ liệu điện tử',
};

/** Mẫu 01: the receipt with the appointment date for the result, handed to the applicant. */
export function receiptForm(facts: ReceiptFacts): OneStopForm {
  return {
    form: '01',
    title: 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
    issuer: issuerOf(facts.unit),
    code: facts.code,
    issuedAt: facts.receivedAt,
    fields: [
      { label: 'Mã hồ sơ', value: facts.code },
      { label: 'Bộ phận tiếp nhận và trả kết quả', value: issuerOf(facts.unit).name },
      { label: 'Tiếp nhận hồ sơ của', value: orBlank(facts.applicantName) },
      { label: 'Nội dung yêu cầu giải quyết', value: procedureLine(facts.procedure) },
      { label: 'Hình thức nộp hồ sơ', value: channelText[facts.channel] },
      { label: 'Số lượng hồ sơ', value: '01 bộ' },
      ...(facts.procedure.processingTime ? [{ label: 'Thời gian giải quyết hồ sơ theo quy định', value: processingTimeText(facts.procedure.processingTime) }] : []),
      { label: 'Thời gian nhận hồ sơ', value: formatDateTime(facts.receivedAt) },
      { label: 'Thời gian trả kết quả giải quyết hồ sơ', value: formatDateTime(facts.dueAt) },
      { label: 'Đăng ký nhận kết quả tại', value: deliveryText[facts.delivery] },
      { label: 'Người tiếp nhận hồ sơ (mã cán bộ)', value: facts.officerId },
    ],
    lists: [{ label: 'Thành phần hồ sơ nộp gồm', items: facts.components.map((c) => `${c.name} (${provenanceText[c.provenance]})`) }],
    statements: ['Mã hồ sơ dùng để tra cứu tình trạng giải quyết hồ sơ. Đề nghị người nộp hồ sơ giữ Giấy này và mang theo khi đến nhận kết quả.'],
    signatures: [
      { title: 'NGƯỜI NỘP HỒ SƠ', note: '(Ký và ghi rõ họ tên)', ...(facts.applicantName ? { name: facts.applicantName } : {}) },
      { title: 'NGƯỜI TIẾP NHẬN HỒ SƠ', note: '(Ký và ghi rõ họ tên)' },
    ],
  };
}
