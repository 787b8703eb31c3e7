/**
 * Codes of the seeded units (units.seed.ts), named so the procedures read as the chain they are.
 * `H56` is Thanh Hóa's real agency code; the codes below it are sample codes (the official
 * identification codes were not at hand). H56.22, H56.23, H56.30, H56.31 and H56.99 are the
 * communes the tests and the first sample procedures use.
 */
export const UNIT = {
  province: 'H56',
  serviceCentre: 'H56.01',
  industryAndTrade: 'H56.09',
  justice: 'H56.10',
  naturalResources: 'H56.11',
  ruralDevelopment: 'H56.12',
  agricultureAndEnvironment: 'H56.13',
  planningAndInvestment: 'H56.14',
  finance: 'H56.15',
  transport: 'H56.16',
  construction: 'H56.17',
  labour: 'H56.18',
  homeAffairs: 'H56.19',
  health: 'H56.20',
  education: 'H56.21',
  landRegistry: 'H56.40',
  tax: 'H56.50',
  police: 'H56.60',
  socialInsurance: 'H56.70',
  hacThanh: 'H56.22',
  hamRong: 'H56.23',
  samSon: 'H56.30',
  bimSon: 'H56.31',
  trieuSon: 'H56.32',
  muongLat: 'H56.99',
  thanhHoaCity: 'H56.80',
  dienBien: 'H56.81',
  lamSon: 'H56.82',
  baDinh: 'H56.83',
  trieuSonDistrict: 'H56.85',
  trieuSonTown: 'H56.86',
} as const;

/** Communes and wards receiving dossiers since 1 July 2025. */
export const COMMUNES_SINCE_REFORM: string[] = [UNIT.hacThanh, UNIT.hamRong, UNIT.samSon, UNIT.bimSon, UNIT.trieuSon, UNIT.muongLat];

/** Communes and wards receiving dossiers until 30 June 2025 (the seeded ones). */
export const COMMUNES_BEFORE_REFORM: string[] = [
  UNIT.hacThanh,
  UNIT.hamRong,
  UNIT.samSon,
  UNIT.bimSon,
  UNIT.muongLat,
  UNIT.dienBien,
  UNIT.lamSon,
  UNIT.baDinh,
  UNIT.trieuSonTown,
];

/** District one-stop desks, closed with the district level on 1 July 2025. */
export const DISTRICTS_BEFORE_REFORM: string[] = [UNIT.thanhHoaCity, UNIT.trieuSonDistrict];
