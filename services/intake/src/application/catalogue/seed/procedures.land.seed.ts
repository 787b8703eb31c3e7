import type { ProcedureVersion } from '../../../domain/catalogue/procedure';
import { charge, days, DEPARTMENTS_MERGED, doc, EXEMPT_ONLINE, fee, FROM_2024, history, hours, TWO_TIER_GOVERNMENT } from './seed.helpers';
import { COMMUNES_SINCE_REFORM, DISTRICTS_BEFORE_REFORM, UNIT } from './unit-codes';

/**
 * Land and environment. 9.x codes are invented (no national code recalled). Taxes on a transfer
 * (personal income tax, registration fee) depend on the price, so the tax step assesses them;
 * they are not catalogue fees.
 */
const land = { field: 'Đất đai', level: 'PROVINCE', refundRule: 'NONE', sample: true } as const;

export const LAND_PROCEDURES: ProcedureVersion[] = [
  // Illustrative: the code, both amounts (provincial council rates) and the 10 working days.
  // From 1 July 2025 the communes' centres receive it and Resolution 12/NQ-HĐND waives both online.
  ...history(
    {
      ...land,
      code: '9.000201',
      name: 'Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất do chuyển nhượng',
      serviceLevel: 'PARTIAL',
      processingTime: days(10),
      requiredDocuments: [
        doc('form', 'Đơn đăng ký biến động đất đai, tài sản gắn liền với đất'),
        doc('contract', 'Hợp đồng chuyển nhượng quyền sử dụng đất đã công chứng hoặc chứng thực'),
        doc('certificate', 'Bản gốc Giấy chứng nhận đã cấp'),
        doc('tax-returns', 'Tờ khai thuế thu nhập cá nhân, tờ khai lệ phí trước bạ'),
      ],
      fees: [
        charge('LP-GCN', 'Lệ phí cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất', 50_000),
        fee('PTD-GCN', 'Phí thẩm định hồ sơ cấp Giấy chứng nhận', 500_000),
      ],
      payFirst: false,
      eResultAllowed: false,
      returnsDocument: true,
      // The registry checks the dossier and sends the tax data; tax assesses what the parties owe.
      // The registry's update of the certificate once paid is not a separate step: an agency
      // appears once in a chain.
      agencies: [UNIT.landRegistry, UNIT.tax],
      units: [UNIT.serviceCentre, ...DISTRICTS_BEFORE_REFORM],
      effectiveFrom: FROM_2024,
    },
    {
      effectiveFrom: TWO_TIER_GOVERNMENT,
      units: [UNIT.serviceCentre, ...COMMUNES_SINCE_REFORM],
      fees: [
        charge('LP-GCN', 'Lệ phí cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất', 50_000, EXEMPT_ONLINE),
        fee('PTD-GCN', 'Phí thẩm định hồ sơ cấp Giấy chứng nhận', 500_000, EXEMPT_ONLINE),
      ],
    },
  ),
  // Illustrative: the code and the 20 working days. Land levy or rent is assessed by the tax step.
  ...history(
    {
      ...land,
      code: '9.000202',
      name: 'Giao đất, cho thuê đất không thông qua đấu giá quyền sử dụng đất đối với tổ chức',
      serviceLevel: 'PARTIAL',
      processingTime: days(20),
      requiredDocuments: [
        doc('request', 'Đơn xin giao đất, cho thuê đất'),
        doc('investment', 'Văn bản chấp thuận chủ trương đầu tư hoặc quyết định đầu tư'),
        doc('cadastral-extract', 'Trích lục bản đồ địa chính hoặc trích đo địa chính thửa đất', false),
      ],
      fees: [],
      payFirst: false,
      eResultAllowed: true,
      returnsDocument: true,
      // Appraised by the department, decided by the provincial People's Committee, then rent and registration.
      agencies: [UNIT.naturalResources, UNIT.province, UNIT.tax, UNIT.landRegistry],
      units: [UNIT.serviceCentre],
      effectiveFrom: FROM_2024,
    },
    { effectiveFrom: DEPARTMENTS_MERGED, agencies: [UNIT.agricultureAndEnvironment, UNIT.province, UNIT.tax, UNIT.landRegistry] },
  ),
  // Same day (next working day after 15:00), Decree 99/2022/NĐ-CP. Illustrative: the codes and the
  // amounts (the national security-registration rates; land registries charge the council's rate).
  ...history({
    ...land,
    code: '9.000203',
    name: 'Đăng ký thế chấp quyền sử dụng đất, tài sản gắn liền với đất',
    serviceLevel: 'FULL',
    processingTime: hours(8),
    requiredDocuments: [doc('form', 'Phiếu yêu cầu đăng ký thế chấp'), doc('contract', 'Hợp đồng thế chấp'), doc('certificate', 'Bản gốc Giấy chứng nhận', false)],
    fees: [fee('DK-THE-CHAP', 'Phí đăng ký biện pháp bảo đảm', 80_000)],
    payFirst: true,
    eResultAllowed: true,
    returnsDocument: true,
    agencies: [UNIT.landRegistry],
    units: [UNIT.serviceCentre, UNIT.landRegistry],
    effectiveFrom: FROM_2024,
  }),
  ...history({
    ...land,
    code: '9.000204',
    name: 'Xóa đăng ký thế chấp quyền sử dụng đất, tài sản gắn liền với đất',
    serviceLevel: 'FULL',
    processingTime: hours(8),
    requiredDocuments: [doc('form', 'Phiếu yêu cầu xóa đăng ký thế chấp'), doc('release', 'Văn bản đồng ý xóa đăng ký của bên nhận thế chấp', false)],
    fees: [fee('XOA-THE-CHAP', 'Phí xóa đăng ký biện pháp bảo đảm', 20_000)],
    payFirst: true,
    eResultAllowed: true,
    returnsDocument: true,
    agencies: [UNIT.landRegistry],
    units: [UNIT.serviceCentre, UNIT.landRegistry],
    effectiveFrom: FROM_2024,
  }),
  // Illustrative: the code, the appraisal fee (a council rate) and the 30 working days.
  ...history(
    {
      ...land,
      field: 'Môi trường',
      code: '9.000901',
      name: 'Cấp giấy phép môi trường (thẩm quyền của Ủy ban nhân dân tỉnh)',
      serviceLevel: 'PARTIAL',
      processingTime: days(30),
      requiredDocuments: [doc('request', 'Văn bản đề nghị cấp giấy phép môi trường'), doc('report', 'Báo cáo đề xuất cấp giấy phép môi trường')],
      fees: [fee('TD-GPMT', 'Phí thẩm định cấp giấy phép môi trường', 6_000_000)],
      payFirst: true,
      eResultAllowed: true,
      returnsDocument: true,
      agencies: [UNIT.naturalResources, UNIT.province],
      units: [UNIT.serviceCentre],
      effectiveFrom: FROM_2024,
    },
    { effectiveFrom: DEPARTMENTS_MERGED, agencies: [UNIT.agricultureAndEnvironment, UNIT.province] },
  ),
];
