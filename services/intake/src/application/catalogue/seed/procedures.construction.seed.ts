import type { ProcedureVersion } from '../../../domain/catalogue/procedure';
import { charge, days, doc, EXEMPT_ONLINE, FROM_2024, history, TWO_TIER_GOVERNMENT } from './seed.helpers';
import { COMMUNES_SINCE_REFORM, DISTRICTS_BEFORE_REFORM, UNIT } from './unit-codes';

/**
 * Construction and planning. The codes (9.x: invented), the permit charges (provincial council
 * rates) and the appraisal times are illustrative; the permit times are the Construction Law's
 * (15 days for a house, 20 for other works). Appraisal fees that follow the project's cost or the
 * plan's budget are not catalogue fees.
 */
const construction = { refundRule: 'NONE', sample: true } as const;
const permitDocuments = [
  doc('form', 'Đơn đề nghị cấp giấy phép xây dựng'),
  doc('land-right', 'Giấy tờ chứng minh quyền sử dụng đất'),
  doc('drawings', 'Bản vẽ thiết kế xây dựng'),
];

export const CONSTRUCTION_PROCEDURES: ProcedureVersion[] = [
  // A district procedure until 30 June 2025; the communes grant it since, fee-free online (Resolution 12/NQ-HĐND).
  ...history(
    {
      ...construction,
      code: '9.000301',
      name: 'Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ',
      field: 'Hoạt động xây dựng',
      level: 'DISTRICT',
      serviceLevel: 'PARTIAL',
      processingTime: days(15),
      requiredDocuments: permitDocuments,
      fees: [charge('LP-GPXD', 'Lệ phí cấp giấy phép xây dựng nhà ở riêng lẻ', 75_000)],
      payFirst: false,
      eResultAllowed: false,
      returnsDocument: true,
      agencies: [],
      units: DISTRICTS_BEFORE_REFORM,
      effectiveFrom: FROM_2024,
    },
    {
      effectiveFrom: TWO_TIER_GOVERNMENT,
      level: 'COMMUNE',
      units: COMMUNES_SINCE_REFORM,
      fees: [charge('LP-GPXD', 'Lệ phí cấp giấy phép xây dựng nhà ở riêng lẻ', 75_000, EXEMPT_ONLINE)],
    },
  ),
  ...history({
    ...construction,
    code: '9.000302',
    name: 'Cấp giấy phép xây dựng mới đối với công trình không theo tuyến',
    field: 'Hoạt động xây dựng',
    level: 'PROVINCE',
    serviceLevel: 'PARTIAL',
    processingTime: days(20),
    requiredDocuments: [...permitDocuments, doc('design-appraisal', 'Văn bản thông báo kết quả thẩm định thiết kế xây dựng')],
    fees: [charge('LP-GPXD-CT', 'Lệ phí cấp giấy phép xây dựng công trình', 150_000)],
    payFirst: false,
    eResultAllowed: true,
    returnsDocument: true,
    agencies: [UNIT.construction],
    units: [UNIT.serviceCentre],
    effectiveFrom: FROM_2024,
  }),
  // Appraised by the department, approved by the provincial People's Committee.
  ...history({
    ...construction,
    code: '9.000303',
    name: 'Thẩm định, phê duyệt đồ án quy hoạch chi tiết xây dựng thuộc thẩm quyền của Ủy ban nhân dân tỉnh',
    field: 'Quy hoạch xây dựng, kiến trúc',
    level: 'PROVINCE',
    serviceLevel: 'PARTIAL',
    processingTime: days(25),
    requiredDocuments: [
      doc('submission', 'Tờ trình đề nghị thẩm định, phê duyệt đồ án quy hoạch chi tiết'),
      doc('plan', 'Hồ sơ đồ án quy hoạch (thuyết minh, bản vẽ)'),
      doc('consultation', 'Báo cáo tổng hợp ý kiến của cơ quan, tổ chức, cộng đồng dân cư'),
    ],
    fees: [],
    payFirst: false,
    eResultAllowed: true,
    returnsDocument: true,
    agencies: [UNIT.construction, UNIT.province],
    units: [UNIT.serviceCentre],
    effectiveFrom: FROM_2024,
  }),
  // Counter only: the dossier is bound volumes of design documents.
  ...history({
    ...construction,
    code: '9.000304',
    name: 'Thẩm định Báo cáo nghiên cứu khả thi đầu tư xây dựng',
    field: 'Hoạt động xây dựng',
    level: 'PROVINCE',
    serviceLevel: 'NONE',
    processingTime: days(25),
    requiredDocuments: [
      doc('submission', 'Tờ trình thẩm định Báo cáo nghiên cứu khả thi'),
      doc('report', 'Báo cáo nghiên cứu khả thi đầu tư xây dựng'),
      doc('survey', 'Hồ sơ khảo sát xây dựng phục vụ lập dự án'),
    ],
    fees: [],
    payFirst: false,
    eResultAllowed: false,
    returnsDocument: true,
    agencies: [UNIT.construction],
    units: [UNIT.serviceCentre],
    effectiveFrom: FROM_2024,
  }),
  ...history({
    ...construction,
    code: '9.000305',
    name: 'Cấp chứng chỉ hành nghề hoạt động xây dựng hạng II, hạng III',
    field: 'Hoạt động xây dựng',
    level: 'PROVINCE',
    serviceLevel: 'FULL',
    processingTime: days(20),
    requiredDocuments: [doc('form', 'Đơn đề nghị cấp chứng chỉ hành nghề'), doc('diploma', 'Văn bằng chuyên môn'), doc('experience', 'Bản khai kinh nghiệm công tác chuyên môn')],
    fees: [charge('LP-CCHN-XD', 'Lệ phí cấp chứng chỉ hành nghề hoạt động xây dựng', 150_000)],
    payFirst: true,
    eResultAllowed: true,
    returnsDocument: true,
    agencies: [UNIT.construction],
    units: [UNIT.serviceCentre],
    effectiveFrom: FROM_2024,
  }),
];
