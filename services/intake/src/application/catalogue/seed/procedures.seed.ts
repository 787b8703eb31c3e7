import type { ProcedureVersion } from '../../../domain/catalogue/procedure';
import { BUSINESS_PROCEDURES } from './procedures.business.seed';
import { CIVIL_STATUS_PROCEDURES } from './procedures.civil-status.seed';
import { CONSTRUCTION_PROCEDURES } from './procedures.construction.seed';
import { HEALTH_EDUCATION_PROCEDURES } from './procedures.health-education.seed';
import { JUDICIAL_PROCEDURES } from './procedures.judicial.seed';
import { LAND_PROCEDURES } from './procedures.land.seed';
import { POLICE_PROCEDURES } from './procedures.police.seed';
import { SOCIAL_PROCEDURES } from './procedures.social.seed';

/**
 * The first illustrative slice (codes `SAMPLE.*`), which tests and demonstrations rely on: every
 * entry is marked `sample`; codes, units and document lists are illustrative; fees quote the
 * national fee circulars where noted.
 */
const province = ['H56'];
const communes = ['H56.22', 'H56.30', 'H56.31'];
const from2024 = '2024-01-01T00:00:00+07:00';

const SAMPLE_PROCEDURES: ProcedureVersion[] = [
  {
    code: 'SAMPLE.LLTP.01',
    version: 1,
    name: 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam',
    field: 'Lý lịch tư pháp',
    level: 'PROVINCE',
    serviceLevel: 'FULL',
    processingTime: { value: 10, unit: 'WORKING_DAYS' },
    requiredDocuments: [
      { id: 'form', name: 'Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp', required: true },
      { id: 'mandate', name: 'Văn bản ủy quyền (nếu ủy quyền)', required: false },
    ],
    // 200,000 VND per request (fee circular 244/2016/TT-BTC).
    fees: [{ code: 'LLTP', name: 'Phí cung cấp thông tin lý lịch tư pháp', kind: 'FEE', amount: 200_000, online: { rule: 'NONE' } }],
    payFirst: true,
    eResultAllowed: true,
    returnsDocument: true,
    refundRule: 'FULL_ON_WITHDRAWAL',
    agencies: ['H56.10'],
    units: [...province, 'H56.10'],
    effectiveFrom: from2024,
    sample: true,
  },
  {
    code: 'SAMPLE.HT.01',
    version: 1,
    name: 'Đăng ký khai sinh',
    field: 'Hộ tịch',
    level: 'COMMUNE',
    serviceLevel: 'FULL',
    processingTime: { value: 8, unit: 'WORKING_HOURS' },
    requiredDocuments: [
      { id: 'form', name: 'Tờ khai đăng ký khai sinh', required: true },
      { id: 'birth-certificate', name: 'Giấy chứng sinh', required: true },
    ],
    fees: [],
    payFirst: false,
    eResultAllowed: true,
    returnsDocument: true,
    refundRule: 'NONE',
    agencies: [],
    units: communes,
    effectiveFrom: from2024,
    sample: true,
  },
  {
    code: 'SAMPLE.DD.01',
    version: 1,
    name: 'Đăng ký biến động quyền sử dụng đất do chuyển nhượng',
    field: 'Đất đai',
    level: 'COMMUNE',
    serviceLevel: 'PARTIAL',
    processingTime: { value: 10, unit: 'WORKING_DAYS' },
    requiredDocuments: [
      { id: 'form', name: 'Đơn đăng ký biến động đất đai', required: true },
      { id: 'contract', name: 'Hợp đồng chuyển nhượng đã công chứng', required: true },
      { id: 'certificate', name: 'Bản gốc Giấy chứng nhận đã cấp', required: true },
    ],
    fees: [{ code: 'TRUOC-BA', name: 'Lệ phí cấp giấy chứng nhận (mẫu)', kind: 'CHARGE', amount: 100_000, online: { rule: 'EXEMPT' } }],
    payFirst: false,
    eResultAllowed: false,
    returnsDocument: true,
    refundRule: 'NONE',
    // Inter-agency: commune → land registry office → tax.
    agencies: ['H56.22', 'H56.40', 'H56.50'],
    units: communes,
    effectiveFrom: from2024,
    sample: true,
  },
  {
    code: 'SAMPLE.XD.01',
    version: 1,
    name: 'Cấp giấy phép xây dựng nhà ở riêng lẻ',
    field: 'Xây dựng',
    level: 'COMMUNE',
    serviceLevel: 'NONE',
    processingTime: { value: 15, unit: 'WORKING_DAYS' },
    requiredDocuments: [
      { id: 'form', name: 'Đơn đề nghị cấp giấy phép xây dựng', required: true },
      { id: 'drawings', name: 'Bản vẽ thiết kế', required: true },
    ],
    fees: [{ code: 'GPXD', name: 'Lệ phí cấp giấy phép xây dựng (mẫu)', kind: 'CHARGE', amount: 75_000, online: { rule: 'NONE' } }],
    payFirst: false,
    eResultAllowed: false,
    returnsDocument: true,
    refundRule: 'NONE',
    agencies: [],
    units: communes,
    effectiveFrom: from2024,
    sample: true,
  },
];

/**
 * The Thanh Hóa seed catalogue: the sample slice, then procedures by field with their versions
 * across the 2025 reforms. Every entry is `sample`: the unit codes below H56 are sample codes,
 * and each field's file says which other values are illustrative. Codes are the national
 * database's as recalled (unchecked ones say so); `9.` is no national series and marks a code
 * invented here.
 */
export const SEED_PROCEDURES: ProcedureVersion[] = [
  ...SAMPLE_PROCEDURES,
  ...JUDICIAL_PROCEDURES,
  ...CIVIL_STATUS_PROCEDURES,
  ...LAND_PROCEDURES,
  ...CONSTRUCTION_PROCEDURES,
  ...BUSINESS_PROCEDURES,
  ...POLICE_PROCEDURES,
  ...SOCIAL_PROCEDURES,
  ...HEALTH_EDUCATION_PROCEDURES,
];
