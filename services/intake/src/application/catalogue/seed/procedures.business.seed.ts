import type { ProcedureVersion } from '../../../domain/catalogue/procedure';
import { charge, days, DEPARTMENTS_MERGED, doc, EXEMPT_ONLINE, fee, FROM_2024, history, TWO_TIER_GOVERNMENT } from './seed.helpers';
import { COMMUNES_SINCE_REFORM, DISTRICTS_BEFORE_REFORM, UNIT } from './unit-codes';

/**
 * Enterprises, household businesses, investment and trade. Business registration moved with
 * the Department of Planning and Investment into the Department of Finance on 1 March 2025.
 */
const business = { refundRule: 'NONE', sample: true } as const;

export const BUSINESS_PROCEDURES: ProcedureVersion[] = [
  // Charges: 47/2019/TT-BTC (50,000 VND, waived for online registration; 100,000 VND publication).
  // Time: Law on Enterprises 2020, art. 26. Code unverified.
  ...history(
    {
      ...business,
      code: '2.001610',
      name: 'Đăng ký thành lập doanh nghiệp tư nhân',
      field: 'Thành lập và hoạt động của doanh nghiệp',
      level: 'PROVINCE',
      serviceLevel: 'FULL',
      processingTime: days(3),
      requiredDocuments: [doc('form', 'Giấy đề nghị đăng ký doanh nghiệp'), doc('owner-identity', 'Bản sao giấy tờ pháp lý của chủ doanh nghiệp tư nhân')],
      fees: [charge('LP-DKDN', 'Lệ phí đăng ký doanh nghiệp', 50_000, EXEMPT_ONLINE), fee('CONG-BO-DN', 'Phí công bố nội dung đăng ký doanh nghiệp', 100_000)],
      payFirst: true,
      eResultAllowed: true,
      returnsDocument: true,
      agencies: [UNIT.planningAndInvestment],
      units: [UNIT.serviceCentre],
      effectiveFrom: FROM_2024,
    },
    { effectiveFrom: DEPARTMENTS_MERGED, agencies: [UNIT.finance] },
  ),
  // A district procedure until 30 June 2025, the communes' since, fee-free online under Resolution
  // 12/NQ-HĐND. Time: Decree 01/2021/NĐ-CP. Code unverified; the 100,000 VND charge is illustrative.
  ...history(
    {
      ...business,
      code: '1.001612',
      name: 'Đăng ký thành lập hộ kinh doanh',
      field: 'Thành lập và hoạt động của hộ kinh doanh',
      level: 'DISTRICT',
      serviceLevel: 'FULL',
      processingTime: days(3),
      requiredDocuments: [
        doc('form', 'Giấy đề nghị đăng ký hộ kinh doanh'),
        doc('family-minutes', 'Biên bản họp thành viên hộ gia đình (khi các thành viên cùng thành lập)', false),
      ],
      fees: [charge('LP-HKD', 'Lệ phí đăng ký hộ kinh doanh', 100_000)],
      payFirst: true,
      eResultAllowed: true,
      returnsDocument: true,
      agencies: [],
      units: DISTRICTS_BEFORE_REFORM,
      effectiveFrom: FROM_2024,
    },
    {
      effectiveFrom: TWO_TIER_GOVERNMENT,
      level: 'COMMUNE',
      units: COMMUNES_SINCE_REFORM,
      fees: [charge('LP-HKD', 'Lệ phí đăng ký hộ kinh doanh', 100_000, EXEMPT_ONLINE)],
    },
  ),
  // A notification: the department records it and issues nothing. 9.x: invented code; the
  // one working day is illustrative.
  ...history({
    ...business,
    code: '9.000401',
    name: 'Thông báo thực hiện khuyến mại',
    field: 'Xúc tiến thương mại',
    level: 'PROVINCE',
    serviceLevel: 'FULL',
    processingTime: days(1),
    requiredDocuments: [doc('notice', 'Thông báo thực hiện khuyến mại (theo mẫu)')],
    fees: [],
    payFirst: false,
    eResultAllowed: false,
    returnsDocument: false,
    agencies: [UNIT.industryAndTrade],
    units: [UNIT.serviceCentre],
    effectiveFrom: FROM_2024,
  }),
  // Needs an inspection of the premises. Illustrative: the code, the appraisal fee and the time.
  ...history({
    ...business,
    code: '9.000402',
    name: 'Cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm thuộc phạm vi quản lý của ngành Công Thương',
    field: 'An toàn thực phẩm',
    level: 'PROVINCE',
    serviceLevel: 'PARTIAL',
    processingTime: days(20),
    requiredDocuments: [
      doc('form', 'Đơn đề nghị cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm'),
      doc('premises', 'Bản thuyết minh về cơ sở vật chất, trang thiết bị, dụng cụ'),
      doc('training', 'Giấy xác nhận kiến thức an toàn thực phẩm của chủ cơ sở và người trực tiếp sản xuất, kinh doanh'),
    ],
    fees: [fee('TD-ATTP', 'Phí thẩm định cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm', 2_500_000)],
    payFirst: true,
    eResultAllowed: true,
    returnsDocument: true,
    agencies: [UNIT.industryAndTrade],
    units: [UNIT.serviceCentre],
    effectiveFrom: FROM_2024,
  }),
  // Appraised by the department, decided by the provincial People's Committee. Illustrative: the
  // code and the 35 days.
  ...history(
    {
      ...business,
      code: '9.000403',
      name: 'Chấp thuận chủ trương đầu tư của Ủy ban nhân dân tỉnh',
      field: 'Đầu tư tại Việt Nam',
      level: 'PROVINCE',
      serviceLevel: 'PARTIAL',
      processingTime: days(35),
      requiredDocuments: [
        doc('request', 'Văn bản đề nghị thực hiện dự án đầu tư'),
        doc('proposal', 'Đề xuất dự án đầu tư'),
        doc('finance', 'Tài liệu chứng minh năng lực tài chính của nhà đầu tư'),
      ],
      fees: [],
      payFirst: false,
      eResultAllowed: true,
      returnsDocument: true,
      agencies: [UNIT.planningAndInvestment, UNIT.province],
      units: [UNIT.serviceCentre],
      effectiveFrom: FROM_2024,
    },
    { effectiveFrom: DEPARTMENTS_MERGED, agencies: [UNIT.finance, UNIT.province] },
  ),
];
