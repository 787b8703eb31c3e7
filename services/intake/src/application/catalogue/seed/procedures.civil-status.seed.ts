import type { ProcedureVersion } from '../../../domain/catalogue/procedure';
import { charge, days, doc, EXEMPT_ONLINE, fee, FROM_2024, history, hours, TWO_TIER_GOVERNMENT } from './seed.helpers';
import { COMMUNES_BEFORE_REFORM, COMMUNES_SINCE_REFORM, DISTRICTS_BEFORE_REFORM } from './unit-codes';

/**
 * Civil status (hộ tịch), the communes' own work: no agencies are listed, the receiving commune
 * decides. Registering a birth, a domestic marriage or a death on time is free (Law on Civil
 * Status, art. 11); "same day" (next working day after 15:00) is held as 8 working hours.
 */
const civilStatus = { field: 'Hộ tịch', refundRule: 'NONE', sample: true } as const;

export const CIVIL_STATUS_PROCEDURES: ProcedureVersion[] = [
  // The only change on 1 July 2025 is where it is received: the merged communes.
  ...history(
    {
      ...civilStatus,
      code: '1.001193',
      name: 'Đăng ký khai sinh',
      level: 'COMMUNE',
      serviceLevel: 'FULL',
      processingTime: hours(8),
      requiredDocuments: [doc('form', 'Tờ khai đăng ký khai sinh'), doc('birth-certificate', 'Giấy chứng sinh (hoặc văn bản của người làm chứng, giấy cam đoan về việc sinh)')],
      fees: [],
      payFirst: false,
      eResultAllowed: true,
      returnsDocument: true,
      agencies: [],
      units: COMMUNES_BEFORE_REFORM,
      effectiveFrom: FROM_2024,
    },
    { effectiveFrom: TWO_TIER_GOVERNMENT, units: COMMUNES_SINCE_REFORM },
  ),
  // Both spouses come to sign the register, hence PARTIAL and a paper certificate.
  ...history({
    ...civilStatus,
    code: '1.000894',
    name: 'Đăng ký kết hôn',
    level: 'COMMUNE',
    serviceLevel: 'PARTIAL',
    processingTime: hours(8),
    requiredDocuments: [
      doc('form', 'Tờ khai đăng ký kết hôn'),
      doc('marital-status', 'Giấy xác nhận tình trạng hôn nhân (khi đăng ký ở nơi không thường trú)', false),
    ],
    fees: [],
    payFirst: false,
    eResultAllowed: false,
    returnsDocument: true,
    agencies: [],
    units: COMMUNES_SINCE_REFORM,
    effectiveFrom: TWO_TIER_GOVERNMENT,
  }),
  ...history({
    ...civilStatus,
    code: '1.000656',
    name: 'Đăng ký khai tử',
    level: 'COMMUNE',
    serviceLevel: 'FULL',
    processingTime: hours(8),
    requiredDocuments: [doc('form', 'Tờ khai đăng ký khai tử'), doc('death-notice', 'Giấy báo tử hoặc giấy tờ thay thế Giấy báo tử')],
    fees: [],
    payFirst: false,
    eResultAllowed: true,
    returnsDocument: true,
    agencies: [],
    units: COMMUNES_SINCE_REFORM,
    effectiveFrom: TWO_TIER_GOVERNMENT,
  }),
  // Code unverified. Illustrative: the 10,000 VND charge (a provincial council rate, exempt online).
  ...history({
    ...civilStatus,
    code: '1.004873',
    name: 'Cấp Giấy xác nhận tình trạng hôn nhân',
    level: 'COMMUNE',
    serviceLevel: 'FULL',
    processingTime: days(3),
    requiredDocuments: [doc('form', 'Tờ khai cấp Giấy xác nhận tình trạng hôn nhân'), doc('divorce', 'Bản án, quyết định ly hôn (nếu đã ly hôn)', false)],
    fees: [charge('XN-TTHN', 'Lệ phí cấp Giấy xác nhận tình trạng hôn nhân', 10_000, EXEMPT_ONLINE)],
    payFirst: false,
    eResultAllowed: true,
    returnsDocument: true,
    agencies: [],
    units: COMMUNES_SINCE_REFORM,
    effectiveFrom: TWO_TIER_GOVERNMENT,
  }),
  // Fee: 8,000 VND a copy as recalled from 281/2016/TT-BTC; code unverified.
  ...history({
    ...civilStatus,
    code: '2.000635',
    name: 'Cấp bản sao Trích lục hộ tịch',
    level: 'COMMUNE',
    serviceLevel: 'FULL',
    processingTime: hours(8),
    requiredDocuments: [doc('form', 'Tờ khai cấp bản sao trích lục hộ tịch')],
    fees: [fee('BAN-SAO-TRICH-LUC', 'Phí cấp bản sao trích lục hộ tịch', 8_000)],
    payFirst: true,
    eResultAllowed: true,
    returnsDocument: true,
    agencies: [],
    units: COMMUNES_SINCE_REFORM,
    effectiveFrom: TWO_TIER_GOVERNMENT,
  }),
  // A district procedure that moved to the communes on 1 July 2025. 9.x: invented code. Illustrative:
  // the 1,000,000 VND charge (a provincial council rate) and the 15 working days.
  ...history(
    {
      ...civilStatus,
      code: '9.000101',
      name: 'Đăng ký kết hôn có yếu tố nước ngoài',
      level: 'DISTRICT',
      serviceLevel: 'PARTIAL',
      processingTime: days(15),
      requiredDocuments: [
        doc('form', 'Tờ khai đăng ký kết hôn'),
        doc('foreign-marital-status', 'Giấy tờ chứng minh tình trạng hôn nhân của người nước ngoài do cơ quan có thẩm quyền nước ngoài cấp'),
        doc('medical', 'Giấy xác nhận của tổ chức y tế về việc không mắc bệnh làm mất khả năng nhận thức, làm chủ hành vi'),
        doc('passport', 'Bản sao hộ chiếu hoặc giấy tờ thay hộ chiếu của người nước ngoài'),
      ],
      fees: [charge('KH-NN', 'Lệ phí đăng ký kết hôn có yếu tố nước ngoài', 1_000_000)],
      payFirst: true,
      eResultAllowed: false,
      returnsDocument: true,
      agencies: [],
      units: DISTRICTS_BEFORE_REFORM,
      effectiveFrom: FROM_2024,
    },
    { effectiveFrom: TWO_TIER_GOVERNMENT, level: 'COMMUNE', units: COMMUNES_SINCE_REFORM },
  ),
];
