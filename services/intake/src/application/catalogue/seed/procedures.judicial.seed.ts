import type { ProcedureVersion } from '../../../domain/catalogue/procedure';
import { days, doc, fee, FROM_2024, history, hours, TWO_TIER_GOVERNMENT } from './seed.helpers';
import { COMMUNES_SINCE_REFORM, UNIT } from './unit-codes';

/** Judicial records and certification (lý lịch tư pháp, chứng thực). */
export const JUDICIAL_PROCEDURES: ProcedureVersion[] = [
  // Fee: 244/2016/TT-BTC. Time: Law on Judicial Records, art. 48. Illustrative: the police
  // verification step, the police taking the procedure over on 1 July 2025, and the 15% online
  // discount (the press quoted judicial-record fees 15–29% lower online, as a draft).
  ...history(
    {
      code: '2.000488',
      name: 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam',
      field: 'Lý lịch tư pháp',
      level: 'PROVINCE',
      serviceLevel: 'FULL',
      processingTime: days(10),
      requiredDocuments: [
        doc('form', 'Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp'),
        doc('identity', 'Bản chụp giấy tờ tùy thân (không cần khi dữ liệu dân cư được khai thác)', false),
        doc('mandate', 'Văn bản ủy quyền (khi ủy quyền làm thủ tục)', false),
      ],
      fees: [fee('LLTP', 'Phí cung cấp thông tin lý lịch tư pháp', 200_000)],
      payFirst: true,
      eResultAllowed: true,
      returnsDocument: true,
      refundRule: 'FULL_ON_WITHDRAWAL',
      // The provincial police answer the department's criminal-record check; the department issues.
      agencies: [UNIT.police, UNIT.justice],
      units: [UNIT.serviceCentre, UNIT.justice],
      effectiveFrom: FROM_2024,
      sample: true,
    },
    {
      // Judicial records passed from the justice department to the provincial police.
      effectiveFrom: TWO_TIER_GOVERNMENT,
      fees: [fee('LLTP', 'Phí cung cấp thông tin lý lịch tư pháp', 200_000, { rule: 'DISCOUNT_PERCENT', percent: 15 })],
      agencies: [UNIT.police],
      units: [UNIT.serviceCentre, UNIT.police],
    },
  ),
  // Fee: 226/2016/TT-BTC charges 2,000 VND a page for the first two pages, then 1,000 (at most
  // 200,000 a copy); the catalogue holds one item, the first-page rate. Time: Decree 23/2015/NĐ-CP,
  // same day (next working day after 15:00), held here as 8 working hours. Code unverified.
  ...history({
    code: '2.000908',
    name: 'Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan, tổ chức có thẩm quyền của Việt Nam cấp hoặc chứng nhận',
    field: 'Chứng thực',
    level: 'COMMUNE',
    serviceLevel: 'PARTIAL',
    processingTime: hours(8),
    requiredDocuments: [doc('original', 'Bản chính giấy tờ, văn bản cần chứng thực'), doc('copy', 'Bản sao cần chứng thực (khi người yêu cầu tự chụp)', false)],
    fees: [fee('CT-BAN-SAO', 'Phí chứng thực bản sao từ bản chính (trang thứ nhất)', 2_000)],
    payFirst: true,
    eResultAllowed: true,
    returnsDocument: true,
    refundRule: 'NONE',
    agencies: [],
    units: COMMUNES_SINCE_REFORM,
    effectiveFrom: TWO_TIER_GOVERNMENT,
    sample: true,
  }),
  // Fee: 226/2016/TT-BTC, 10,000 VND a case. Counter only: the signer signs before the official.
  // Code unverified.
  ...history({
    code: '2.000815',
    name: 'Chứng thực chữ ký trong các giấy tờ, văn bản',
    field: 'Chứng thực',
    level: 'COMMUNE',
    serviceLevel: 'NONE',
    processingTime: hours(8),
    requiredDocuments: [doc('document', 'Giấy tờ, văn bản mà người yêu cầu chứng thực sẽ ký')],
    fees: [fee('CT-CHU-KY', 'Phí chứng thực chữ ký', 10_000)],
    payFirst: true,
    eResultAllowed: false,
    returnsDocument: true,
    refundRule: 'NONE',
    agencies: [],
    units: COMMUNES_SINCE_REFORM,
    effectiveFrom: TWO_TIER_GOVERNMENT,
    sample: true,
  }),
];
