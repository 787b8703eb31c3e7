import type { AdministrativeUnit, UnitKind } from '../../../domain/catalogue/administrative-unit';
import type { UnitLevel } from '../../../domain/catalogue/procedure';
import { DEPARTMENTS_MERGED, REGISTER_START, TWO_TIER_GOVERNMENT } from './seed.helpers';
import { UNIT } from './unit-codes';

/**
 * Thanh Hóa's units and agencies as the seed catalogue knows them. Names are the official ones
 * as far as known (unchecked against the 2025 list of communes); every code below `H56` is a
 * sample code, so those units are marked `sample`. Successor lists name only the former units
 * this seed carries, not every unit merged.
 */
const unit = (code: string, name: string, level: UnitLevel, kind: UnitKind, more: Partial<AdministrativeUnit> = {}): AdministrativeUnit => ({
  code,
  name,
  level,
  kind,
  successorOf: [],
  validFrom: REGISTER_START,
  sample: true,
  ...more,
});

const inProvince = { parent: UNIT.province };
/** Merged into a new or an absorbing department under Decree 45/2025/NĐ-CP. */
const mergedInMarch2025 = { ...inProvince, validTo: DEPARTMENTS_MERGED };
/** Ended with the district level and the commune mergers of 1 July 2025. */
const endedWithDistricts = { validTo: TWO_TIER_GOVERNMENT };

const PROVINCE_UNITS: AdministrativeUnit[] = [
  unit(UNIT.province, 'Tỉnh Thanh Hóa', 'PROVINCE', 'PEOPLES_COMMITTEE', { sample: false }),
  unit(UNIT.serviceCentre, 'Trung tâm Phục vụ hành chính công tỉnh Thanh Hóa', 'PROVINCE', 'SERVICE_CENTRE', inProvince),
  unit(UNIT.industryAndTrade, 'Sở Công Thương tỉnh Thanh Hóa', 'PROVINCE', 'DEPARTMENT', inProvince),
  unit(UNIT.justice, 'Sở Tư pháp tỉnh Thanh Hóa', 'PROVINCE', 'DEPARTMENT', inProvince),
  unit(UNIT.naturalResources, 'Sở Tài nguyên và Môi trường tỉnh Thanh Hóa', 'PROVINCE', 'DEPARTMENT', mergedInMarch2025),
  unit(UNIT.ruralDevelopment, 'Sở Nông nghiệp và Phát triển nông thôn tỉnh Thanh Hóa', 'PROVINCE', 'DEPARTMENT', mergedInMarch2025),
  unit(UNIT.agricultureAndEnvironment, 'Sở Nông nghiệp và Môi trường tỉnh Thanh Hóa', 'PROVINCE', 'DEPARTMENT', {
    ...inProvince,
    successorOf: [UNIT.naturalResources, UNIT.ruralDevelopment],
    validFrom: DEPARTMENTS_MERGED,
  }),
  unit(UNIT.planningAndInvestment, 'Sở Kế hoạch và Đầu tư tỉnh Thanh Hóa', 'PROVINCE', 'DEPARTMENT', mergedInMarch2025),
  // An absorbing department keeps its code and lists the one it took in.
  unit(UNIT.finance, 'Sở Tài chính tỉnh Thanh Hóa', 'PROVINCE', 'DEPARTMENT', { ...inProvince, successorOf: [UNIT.planningAndInvestment] }),
  unit(UNIT.transport, 'Sở Giao thông vận tải tỉnh Thanh Hóa', 'PROVINCE', 'DEPARTMENT', mergedInMarch2025),
  unit(UNIT.construction, 'Sở Xây dựng tỉnh Thanh Hóa', 'PROVINCE', 'DEPARTMENT', { ...inProvince, successorOf: [UNIT.transport] }),
  unit(UNIT.labour, 'Sở Lao động - Thương binh và Xã hội tỉnh Thanh Hóa', 'PROVINCE', 'DEPARTMENT', mergedInMarch2025),
  // Labour's social-protection and vocational work went to Health and Education; the employment work this seed uses went here.
  unit(UNIT.homeAffairs, 'Sở Nội vụ tỉnh Thanh Hóa', 'PROVINCE', 'DEPARTMENT', { ...inProvince, successorOf: [UNIT.labour] }),
  unit(UNIT.health, 'Sở Y tế tỉnh Thanh Hóa', 'PROVINCE', 'DEPARTMENT', inProvince),
  unit(UNIT.education, 'Sở Giáo dục và Đào tạo tỉnh Thanh Hóa', 'PROVINCE', 'DEPARTMENT', inProvince),
  // Parent: the department it belongs to today (Natural Resources and Environment until March 2025).
  unit(UNIT.landRegistry, 'Văn phòng Đăng ký đất đai tỉnh Thanh Hóa', 'PROVINCE', 'AGENCY', { parent: UNIT.agricultureAndEnvironment }),
  // Central agencies in the province, no parent here. The tax office was renamed twice in 2025
  // (Cục Thuế tỉnh, a regional branch, then Thuế tỉnh); one code follows it through those names.
  unit(UNIT.tax, 'Thuế tỉnh Thanh Hóa', 'PROVINCE', 'AGENCY'),
  unit(UNIT.police, 'Công an tỉnh Thanh Hóa', 'PROVINCE', 'AGENCY'),
  unit(UNIT.socialInsurance, 'Bảo hiểm xã hội tỉnh Thanh Hóa', 'PROVINCE', 'AGENCY'),
];

/**
 * Communes and wards after 1 July 2025. The five whose codes the tests and the 2024 sample
 * procedures use keep their code across the reform, as if they had absorbed their neighbours
 * (validFrom before 2025): a simplification, since the real units were re-established that day.
 * Xã Triệu Sơn shows the real pattern: a new unit from 1 July 2025.
 */
const COMMUNES: AdministrativeUnit[] = [
  unit(UNIT.hacThanh, 'Phường Hạc Thành', 'COMMUNE', 'PEOPLES_COMMITTEE', { ...inProvince, successorOf: [UNIT.dienBien, UNIT.lamSon, UNIT.baDinh] }),
  unit(UNIT.hamRong, 'Phường Hàm Rồng', 'COMMUNE', 'PEOPLES_COMMITTEE', inProvince),
  unit(UNIT.samSon, 'Phường Sầm Sơn', 'COMMUNE', 'PEOPLES_COMMITTEE', inProvince),
  unit(UNIT.bimSon, 'Phường Bỉm Sơn', 'COMMUNE', 'PEOPLES_COMMITTEE', inProvince),
  unit(UNIT.trieuSon, 'Xã Triệu Sơn', 'COMMUNE', 'PEOPLES_COMMITTEE', { ...inProvince, successorOf: [UNIT.trieuSonTown], validFrom: TWO_TIER_GOVERNMENT }),
  unit(UNIT.muongLat, 'Xã Mường Lát', 'COMMUNE', 'PEOPLES_COMMITTEE', inProvince),
];

/** Former units, kept so dossiers and statistics from before the reform still resolve. */
const FORMER_UNITS: AdministrativeUnit[] = [
  unit(UNIT.thanhHoaCity, 'Thành phố Thanh Hóa', 'DISTRICT', 'PEOPLES_COMMITTEE', { ...inProvince, ...endedWithDistricts }),
  unit(UNIT.dienBien, 'Phường Điện Biên', 'COMMUNE', 'PEOPLES_COMMITTEE', { parent: UNIT.thanhHoaCity, ...endedWithDistricts }),
  unit(UNIT.lamSon, 'Phường Lam Sơn', 'COMMUNE', 'PEOPLES_COMMITTEE', { parent: UNIT.thanhHoaCity, ...endedWithDistricts }),
  unit(UNIT.baDinh, 'Phường Ba Đình', 'COMMUNE', 'PEOPLES_COMMITTEE', { parent: UNIT.thanhHoaCity, ...endedWithDistricts }),
  unit(UNIT.trieuSonDistrict, 'Huyện Triệu Sơn', 'DISTRICT', 'PEOPLES_COMMITTEE', { ...inProvince, ...endedWithDistricts }),
  unit(UNIT.trieuSonTown, 'Thị trấn Triệu Sơn', 'COMMUNE', 'PEOPLES_COMMITTEE', { parent: UNIT.trieuSonDistrict, ...endedWithDistricts }),
];

export const SEED_UNITS: AdministrativeUnit[] = [...PROVINCE_UNITS, ...COMMUNES, ...FORMER_UNITS];
