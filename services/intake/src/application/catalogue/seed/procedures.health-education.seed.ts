import type { ProcedureVersion } from '../../../domain/catalogue/procedure';
import { days, doc, fee, FROM_2024, history } from './seed.helpers';
import { UNIT } from './unit-codes';

/**
 * Health and education departments. 9.x: invented codes; the appraisal fees and the times are
 * illustrative (the national fee circulars for health appraisals were not at hand).
 */
const department = { level: 'PROVINCE', refundRule: 'NONE', sample: true } as const;

export const HEALTH_EDUCATION_PROCEDURES: ProcedureVersion[] = [
  // Law on Medical Examination and Treatment 2023: licences replace practising certificates.
  ...history({
    ...department,
    code: '9.000601',
    name: 'Cấp mới giấy phép hành nghề khám bệnh, chữa bệnh đối với chức danh bác sĩ',
    field: 'Khám bệnh, chữa bệnh',
    serviceLevel: 'PARTIAL',
    processingTime: days(30),
    requiredDocuments: [
      doc('form', 'Đơn đề nghị cấp giấy phép hành nghề'),
      doc('diploma', 'Bản sao văn bằng chuyên môn'),
      doc('health', 'Giấy chứng nhận đủ sức khỏe hành nghề khám bệnh, chữa bệnh'),
    ],
    fees: [fee('TD-GPHN', 'Phí thẩm định cấp giấy phép hành nghề khám bệnh, chữa bệnh', 360_000)],
    payFirst: true,
    eResultAllowed: true,
    returnsDocument: true,
    agencies: [UNIT.health],
    units: [UNIT.serviceCentre],
    effectiveFrom: FROM_2024,
  }),
  // Counter only: the department inspects the clinic before it decides.
  ...history({
    ...department,
    code: '9.000602',
    name: 'Cấp mới giấy phép hoạt động đối với phòng khám chuyên khoa',
    field: 'Khám bệnh, chữa bệnh',
    serviceLevel: 'NONE',
    processingTime: days(60),
    requiredDocuments: [
      doc('form', 'Đơn đề nghị cấp giấy phép hoạt động'),
      doc('staff', 'Danh sách người hành nghề khám bệnh, chữa bệnh của cơ sở'),
      doc('equipment', 'Danh mục thiết bị y tế của cơ sở'),
    ],
    fees: [fee('TD-GPHD', 'Phí thẩm định cấp giấy phép hoạt động cơ sở khám bệnh, chữa bệnh', 4_300_000)],
    payFirst: true,
    eResultAllowed: false,
    returnsDocument: true,
    agencies: [UNIT.health],
    units: [UNIT.serviceCentre],
    effectiveFrom: FROM_2024,
  }),
  ...history({
    ...department,
    code: '9.000701',
    name: 'Chỉnh sửa nội dung văn bằng, chứng chỉ',
    field: 'Văn bằng, chứng chỉ',
    serviceLevel: 'FULL',
    processingTime: days(5),
    requiredDocuments: [
      doc('request', 'Đơn đề nghị chỉnh sửa nội dung văn bằng, chứng chỉ'),
      doc('diploma', 'Văn bằng, chứng chỉ đề nghị chỉnh sửa'),
      doc('grounds', 'Giấy tờ làm căn cứ chỉnh sửa (quyết định thay đổi, cải chính hộ tịch...)'),
    ],
    fees: [],
    payFirst: false,
    eResultAllowed: true,
    returnsDocument: true,
    agencies: [UNIT.education],
    units: [UNIT.serviceCentre],
    effectiveFrom: FROM_2024,
  }),
];
