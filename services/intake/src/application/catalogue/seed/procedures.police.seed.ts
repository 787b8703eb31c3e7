import type { ProcedureVersion } from '../../../domain/catalogue/procedure';
import { charge, days, DEPARTMENTS_MERGED, doc, FROM_2024, history, TWO_TIER_GOVERNMENT } from './seed.helpers';
import { COMMUNES_SINCE_REFORM, UNIT } from './unit-codes';

/**
 * Driving licences, residence and passports: police work. Commune police stations take residence
 * dossiers; the seed names the provincial police that commands them rather than one station per
 * commune. Residence registration updates the population database and issues no document.
 */
const police = { sample: true } as const;

export const POLICE_PROCEDURES: ProcedureVersion[] = [
  // Charge: 37/2023/TT-BTC (135,000 VND); online 115,000 VND as recalled from 63/2023/TT-BTC, set
  // until the end of 2025 (what follows is not held here). Licences passed from the transport
  // department to the police on 1 March 2025. Code unverified.
  ...history(
    {
      ...police,
      code: '1.002809',
      name: 'Đổi Giấy phép lái xe do ngành Giao thông vận tải cấp',
      field: 'Đường bộ',
      level: 'PROVINCE',
      serviceLevel: 'FULL',
      processingTime: days(5),
      requiredDocuments: [
        doc('form', 'Đơn đề nghị đổi giấy phép lái xe (theo mẫu)'),
        doc('health', 'Giấy khám sức khỏe của người lái xe do cơ sở y tế có thẩm quyền cấp'),
        doc('licence-copy', 'Bản sao giấy phép lái xe đang sử dụng', false),
      ],
      fees: [charge('LP-GPLX', 'Lệ phí cấp đổi giấy phép lái xe', 135_000, { rule: 'FIXED_AMOUNT', amount: 115_000 })],
      payFirst: true,
      eResultAllowed: false,
      returnsDocument: true,
      refundRule: 'NONE',
      agencies: [UNIT.transport],
      units: [UNIT.serviceCentre],
      effectiveFrom: FROM_2024,
    },
    { effectiveFrom: DEPARTMENTS_MERGED, name: 'Đổi giấy phép lái xe', agencies: [UNIT.police], units: [UNIT.serviceCentre, UNIT.police] },
  ),
  // Charge: 75/2022/TT-BTC (20,000 VND; 10,000 online). Time: Law on Residence 2020, art. 22.
  // Code unverified.
  ...history({
    ...police,
    code: '1.004194',
    name: 'Đăng ký thường trú',
    field: 'Đăng ký, quản lý cư trú',
    level: 'COMMUNE',
    serviceLevel: 'FULL',
    processingTime: days(7),
    requiredDocuments: [
      doc('form', 'Tờ khai thay đổi thông tin cư trú'),
      doc('home', 'Giấy tờ, tài liệu chứng minh chỗ ở hợp pháp'),
      doc('consent', 'Ý kiến đồng ý của chủ hộ, chủ sở hữu chỗ ở (khi ở nhờ, thuê, mượn)', false),
    ],
    fees: [charge('LP-THUONG-TRU', 'Lệ phí đăng ký thường trú', 20_000, { rule: 'FIXED_AMOUNT', amount: 10_000 })],
    payFirst: false,
    eResultAllowed: false,
    returnsDocument: false,
    refundRule: 'NONE',
    agencies: [UNIT.police],
    units: COMMUNES_SINCE_REFORM,
    effectiveFrom: TWO_TIER_GOVERNMENT,
  }),
  // Charge: 75/2022/TT-BTC (15,000 VND; 7,000 online). Time: Law on Residence 2020, art. 28.
  // 9.x: invented code.
  ...history({
    ...police,
    code: '9.000501',
    name: 'Đăng ký tạm trú',
    field: 'Đăng ký, quản lý cư trú',
    level: 'COMMUNE',
    serviceLevel: 'FULL',
    processingTime: days(3),
    requiredDocuments: [doc('form', 'Tờ khai thay đổi thông tin cư trú'), doc('home', 'Giấy tờ, tài liệu chứng minh chỗ ở hợp pháp')],
    fees: [charge('LP-TAM-TRU', 'Lệ phí đăng ký tạm trú', 15_000, { rule: 'FIXED_AMOUNT', amount: 7_000 })],
    payFirst: false,
    eResultAllowed: false,
    returnsDocument: false,
    refundRule: 'NONE',
    agencies: [UNIT.police],
    units: COMMUNES_SINCE_REFORM,
    effectiveFrom: TWO_TIER_GOVERNMENT,
  }),
  // Charge: 25/2021/TT-BTC (200,000 VND). Time: Law on Exit and Entry of Vietnamese Citizens,
  // art. 15. 9.x: invented code; the refund when no passport is issued is illustrative.
  ...history({
    ...police,
    code: '9.000502',
    name: 'Cấp hộ chiếu phổ thông ở trong nước',
    field: 'Xuất nhập cảnh',
    level: 'PROVINCE',
    serviceLevel: 'FULL',
    processingTime: days(8),
    requiredDocuments: [doc('form', 'Tờ khai đề nghị cấp hộ chiếu phổ thông'), doc('photo', 'Ảnh chân dung')],
    fees: [charge('LP-HO-CHIEU', 'Lệ phí cấp hộ chiếu phổ thông', 200_000)],
    payFirst: true,
    eResultAllowed: false,
    returnsDocument: true,
    refundRule: 'FULL_ON_WITHDRAWAL_OR_STOP',
    agencies: [UNIT.police],
    units: [UNIT.serviceCentre, UNIT.police],
    effectiveFrom: FROM_2024,
  }),
];
