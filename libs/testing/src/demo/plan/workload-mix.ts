/**
 * Which unit receives what, in what proportion: Thanh Hóa's provincial service centre takes most
 * dossiers, a department, the land registry office, a commune and a district take their own. The
 * weights shape the indicators: the procedures without e-results (land, construction, driving
 * licences, foreign marriages) weigh about 4% of the results, as the seeds' 96% e-results want.
 */
export const WORKLOAD_MIX: readonly (readonly [unit: string, procedure: string, weight: number])[] = [
  ['H56.01', '2.000488', 12],
  ['H56.01', '2.001610', 9],
  ['H56.01', '9.000203', 8],
  ['H56.01', '9.000204', 8],
  ['H56.01', '1.001978', 8],
  ['H56.01', '9.000801', 5],
  ['H56.01', '9.000701', 4],
  ['H56.01', '9.000302', 3],
  ['H56.01', '9.000305', 3],
  ['H56.01', '9.000303', 2],
  ['H56.01', '9.000202', 2],
  ['H56.01', '9.000403', 2],
  ['H56.01', '9.000402', 2],
  ['H56.01', '9.000601', 2],
  ['H56.01', '9.000901', 1],
  ['H56.01', '9.000401', 1],
  ['H56.01', '1.002809', 0.7],
  ['H56.01', '9.000502', 0.6],
  ['H56.01', '9.000201', 0.6],
  ['H56.01', '9.000304', 0.3],
  ['H56.01', '9.000602', 0.2],
  ['H56.10', '2.000488', 3],
  ['H56.10', 'SAMPLE.LLTP.01', 2],
  ['H56.40', '9.000203', 2],
  ['H56.40', '9.000204', 2],
  ['H56.22', '1.001193', 4],
  ['H56.22', 'SAMPLE.HT.01', 2],
  ['H56.22', 'SAMPLE.DD.01', 0.6],
  ['H56.22', 'SAMPLE.XD.01', 0.2],
  ['H56.80', '1.001612', 3],
  ['H56.80', '9.000101', 0.3],
  ['H56.80', '9.000301', 0.3],
  ['H56.80', '9.000201', 0.3],
];

/** The seeds' shape: January–May 2025 at the provincial centre, 44,740 dossiers. */
export const SEED_SHAPE = {
  dossiers: 44_740,
  online: 0.614,
  postalOfCounter: 0.05,
  rejectedOfOnline: 0.008,
  returnedOfOnline: 0.03,
  withdrawnBeforeReception: 0.003,
  withdrawnInProcessing: 0.003,
  stopped: 0.002,
  supplementRequested: 0.03,
  secondSupplementOfRequested: 0.12,
  late: 0.004,
  denied: 0.005,
  /** Counter dossiers with a paper component left unscanned: about 6.5% of all dossiers. */
  unscannedOfCounter: 0.16,
  /** Returning applicants who reuse a repository document, when they have one. */
  reuseWhenPossible: 0.9,
  returningApplicant: 0.68,
} as const;
