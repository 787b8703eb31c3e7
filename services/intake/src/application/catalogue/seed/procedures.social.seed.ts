import type { ProcedureVersion } from '../../../domain/catalogue/procedure';
import { days, DEPARTMENTS_MERGED, doc, FROM_2024, history, TWO_TIER_GOVERNMENT } from './seed.helpers';
import { COMMUNES_SINCE_REFORM, UNIT } from './unit-codes';

/** Employment, social assistance and health insurance: free of fees. */
const social = { payFirst: false, refundRule: 'NONE', sample: true } as const;

export const SOCIAL_PROCEDURES: ProcedureVersion[] = [
  // Time: Law on Employment, 20 working days. The employment work passed from the labour
  // department to Home Affairs on 1 March 2025. Code unverified.
  ...history(
    {
      ...social,
      fees: [],
      code: '1.001978',
      name: 'Giải quyết hưởng trợ cấp thất nghiệp',
      field: 'Việc làm',
      level: 'PROVINCE',
      serviceLevel: 'FULL',
      processingTime: days(20),
      requiredDocuments: [
        doc('request', 'Đề nghị hưởng trợ cấp thất nghiệp (theo mẫu)'),
        doc('termination', 'Quyết định thôi việc hoặc văn bản xác nhận chấm dứt hợp đồng lao động'),
      ],
      eResultAllowed: true,
      returnsDocument: true,
      agencies: [UNIT.labour],
      units: [UNIT.serviceCentre],
      effectiveFrom: FROM_2024,
    },
    { effectiveFrom: DEPARTMENTS_MERGED, agencies: [UNIT.homeAffairs] },
  ),
  // Decided by the commune's chairperson since 1 July 2025. Code unverified; 10 days illustrative.
  ...history({
    ...social,
    fees: [],
    code: '1.001776',
    name: 'Thực hiện, điều chỉnh, thôi hưởng trợ cấp xã hội hằng tháng, hỗ trợ kinh phí chăm sóc, nuôi dưỡng hằng tháng',
    field: 'Bảo trợ xã hội',
    level: 'COMMUNE',
    serviceLevel: 'PARTIAL',
    processingTime: days(10),
    requiredDocuments: [doc('form', 'Tờ khai đề nghị trợ cấp xã hội (theo mẫu)')],
    eResultAllowed: true,
    returnsDocument: true,
    agencies: [],
    units: COMMUNES_SINCE_REFORM,
    effectiveFrom: TWO_TIER_GOVERNMENT,
  }),
  // The card lives in VNeID, so the result is electronic. 9.x: invented code; 5 days illustrative.
  ...history({
    ...social,
    fees: [],
    code: '9.000801',
    name: 'Cấp lại thẻ bảo hiểm y tế do bị mất, hỏng',
    field: 'Thu, cấp sổ bảo hiểm xã hội, thẻ bảo hiểm y tế',
    level: 'PROVINCE',
    serviceLevel: 'FULL',
    processingTime: days(5),
    requiredDocuments: [doc('form', 'Tờ khai tham gia, điều chỉnh thông tin bảo hiểm xã hội, bảo hiểm y tế')],
    eResultAllowed: true,
    returnsDocument: true,
    agencies: [UNIT.socialInsurance],
    units: [UNIT.serviceCentre, UNIT.socialInsurance],
    effectiveFrom: FROM_2024,
  }),
];
