import { IntegrationEvent, IntegrationEventType } from './integration-events';

/**
 * A minimal valid `data` for every current integration event, for the contract specs. Typed by
 * the union, so a new event without a sample, or a sample that drifts from its schema's type,
 * fails to compile. Values are invented; none is a real person's.
 */
export type SampleData = { [Type in IntegrationEventType]: Extract<IntegrationEvent, { type: Type }>['data'] };

export const dossierId = '0b5c2a57-6a3e-4b5b-9a3e-3c1f2d4e5f60';
const code = 'H56.22-261122-0042';
const at = '2026-11-22T03:00:00.000Z';
const due = '2026-12-04T10:00:00.000Z';
const applicantRef = 'a'.repeat(64);
const sha256 = 'b'.repeat(64);
const signature = `${'A'.repeat(86)}==`;
const unit = 'H56.22';

const procedure: SampleData['DossierReceived']['procedure'] = {
  code: '1.001612',
  version: 3,
  name: 'Cấp Phiếu lý lịch tư pháp',
  field: 'Lý lịch tư pháp',
  level: 'PROVINCE',
  serviceLevel: 'FULL',
  processingTime: { value: 10, unit: 'WORKING_DAYS' },
  agencies: ['H56.22', 'H56.10'],
  fees: [{ code: 'LLTP', name: 'Phí cung cấp thông tin lý lịch tư pháp', kind: 'FEE', amount: 200_000, online: { rule: 'DISCOUNT_PERCENT', percent: 15 } }],
  payFirst: true,
  eResultAllowed: true,
  returnsDocument: true,
  refundRule: 'FULL_ON_WITHDRAWAL',
};

const components: SampleData['DossierReceived']['components'] = [
  { componentId: 'c1', name: 'Tờ khai', provenance: 'ELECTRONIC', documentId: 'doc-1' },
  { componentId: 'c2', name: 'Giấy uỷ quyền', provenance: 'PAPER' },
  { componentId: 'c3', name: 'Căn cước', provenance: 'REUSED', repositoryDocumentId: 'repo-9' },
];

const dossier = { dossierId, code };

export const samples: SampleData = {
  DossierSubmitted: { ...dossier, submittedAt: at, channel: 'ONLINE', unit, procedureCode: procedure.code, procedureVersion: 3, applicantRef, applicantKind: 'INDIVIDUAL', components, delivery: 'ONLINE', portal: 'portal-1' },
  DossierReturnedForSupplement: { ...dossier, returnedAt: at, missing: ['Tờ khai có chữ ký'], officerId: 'officer-1' },
  DossierReceived: { ...dossier, receivedAt: at, dueAt: due, channel: 'COUNTER', unit, applicantRef, components, delivery: 'POSTAL', procedure, officerId: 'officer-1', calendar: { holidayTable: 'VN-2024-2027.1', officeHours: [{ start: '07:30', end: '11:30' }, { start: '13:30', end: '17:00' }] } },
  DossierRejected: { ...dossier, rejectedAt: at, reason: 'Không thuộc thẩm quyền', officerId: 'officer-1' },
  SupplementProvided: { ...dossier, providedAt: at, components: [components[0]] },
  DossierWithdrawn: { ...dossier, withdrawnAt: at },
  DossierTransferred: { ...dossier, transferredAt: at, fromUnit: '16276', toUnit: '16279', reorganisationId: 'reorg-2025-07', effectiveAt: at, transitionEndsAt: due },
  CaseAssigned: { dossierId, assignedAt: at, agency: unit, step: 1 },
  CaseHandedOff: { dossierId, handedOffAt: at, fromAgency: 'H56.22', toAgency: 'H56.10', workingMinutesSpent: 930 },
  SupplementRequested: { dossierId, requestId: 'sr-1', requestedAt: at, missing: ['Bản sao hộ khẩu'], agency: unit, officerId: 'officer-2', sequence: 1 },
  ProcessingPaused: { dossierId, pausedAt: at, reason: 'AWAITING_PAYMENT' },
  ProcessingResumed: { dossierId, resumedAt: at, reason: 'AWAITING_PAYMENT', pausedWorkingMinutes: 45, dueAt: due },
  DeadlineExtended: { dossierId, extendedAt: at, previousDueAt: at, dueAt: due, reason: 'Cần xác minh', approvedBy: 'leader-1' },
  DossierDueSoon: { dossierId, detectedAt: at, dueAt: due, agency: unit },
  DossierOverdue: { dossierId, detectedAt: due, dueAt: due, agency: unit },
  ApologyIssued: { dossierId, issuedAt: due, dueAt: due, newAppointmentAt: '2026-12-08T10:00:00.000Z', reason: 'Chờ cơ quan phối hợp', agency: unit, issuedBy: 'leader-1' },
  DossierResolved: {
    ...dossier,
    outcome: 'APPROVED',
    resolvedAt: at,
    receivedAt: at,
    dueAt: due,
    onTime: true,
    supplementCount: 0,
    pausedWorkingMinutes: 0,
    resultDocuments: [{ documentId: 'doc-r', name: 'Phiếu lý lịch tư pháp số 1', sha256 }],
    channel: 'ONLINE',
    delivery: 'ONLINE',
    applicantRef,
    unit,
    procedureCode: procedure.code,
    procedureVersion: 3,
    eResultAllowed: true,
    returnsDocument: true,
    decidedBy: 'leader-1',
    decidingStep: { agency: 'H56.10', step: 2, workingMinutesSpent: 450 },
  },
  PaymentOverdue: { dossierId, paymentId: 'pay-1', expiredAt: due, reminder: 1 },
  ProcessingStopped: { dossierId, stoppedAt: at, reason: 'Người nộp không bổ sung', decidedBy: 'leader-1', ground: 'OTHER' },
  FeeAssessed: { dossierId, assessedAt: at, items: [{ code: 'LLTP', kind: 'FEE', listed: 200_000, due: 170_000, rule: 'DISCOUNT_PERCENT' }], total: 170_000, exempt: false, payFirst: true },
  PaymentRequested: { dossierId, paymentId: 'pay-1', requestedAt: at, amount: 170_000, expiresAt: due },
  PaymentSucceeded: { dossierId, paymentId: 'pay-1', paidAt: at, amount: 170_000, method: 'ONLINE' },
  PaymentFailed: { dossierId, paymentId: 'pay-1', failedAt: at, reason: 'GATEWAY_TIMEOUT' },
  PaymentExpired: { dossierId, paymentId: 'pay-1', expiredAt: due },
  PaymentRefunded: { dossierId, paymentId: 'pay-1', refundedAt: at, amount: 170_000, reason: 'WITHDRAWN' },
  DocumentStored: { documentId: 'doc-1', storedAt: at, sha256, mediaType: 'application/pdf', bytes: 52_311, origin: 'UPLOAD' },
  ComponentDigitised: { dossierId, componentId: 'c2', documentId: 'doc-2', digitisedAt: at, pages: 2, officerId: 'officer-3', sha256 },
  DossierDigitised: { dossierId, digitisedAt: at, components: 3 },
  DocumentReused: { dossierId, componentId: 'c3', repositoryDocumentId: 'repo-9', reusedAt: at },
  ReuseRefused: { dossierId, componentId: 'c3', repositoryDocumentId: 'repo-9', refusedAt: at, reason: 'NOT_OWNED_BY_APPLICANT' },
  ResultDigitised: { dossierId, documentId: 'doc-p', digitisedAt: at, pages: 1, officerId: 'officer-3', sha256 },
  ResultIssued: { ...dossier, issuedAt: at, applicantRef, result: { form: 'ELECTRONIC', documentId: 'doc-r', sha256, keyId: 'key-2026', algorithm: 'Ed25519', signature } },
  ResultDelivered: { dossierId, deliveredAt: at, method: 'ONLINE' },
  DossierCompleted: { ...dossier, completedAt: at },
  ProcedurePublished: { procedure, effectiveFrom: '2025-07-01T00:00:00.000+07:00', units: [unit], sample: true },
  ProcedureRetired: { code: procedure.code, version: 2, retiredAt: at },
  UnitRegistered: { code: '16279', name: 'Phường Hạc Thành', level: 'COMMUNE', parent: 'H56', successorOf: ['16276', '16282'], validFrom: '2025-07-01T00:00:00.000+07:00' },
};

/** The subject of a sample: its dossier id, or the aggregate's own id for a non-dossier event. */
export function sampleSubject(type: string): string {
  const data: Record<string, unknown> = samples[type as IntegrationEventType];
  return String(data['dossierId'] ?? data['documentId'] ?? data['code'] ?? (data['procedure'] as { code: string } | undefined)?.code);
}
