import {
  CaseAssigned, ComponentDigitised, DeadlineExtended, DocumentReused, DossierCompleted, DossierDigitised, DossierReceived, DossierResolved, DossierSubmitted,
  Envelope, EventData, EventDefinition, FeeAssessed, integrationEvents, PaymentSucceeded, ProcessingPaused, ProcessingResumed, ResultDelivered, ResultIssued,
  SupplementProvided, SupplementRequested, topicOwner,
} from '@motcua/contracts';
import type { DossierEvent } from '../domain/dossier-facts/dossier-event';

export interface TopicEvent {
  topic: string;
  envelope: DossierEvent & Envelope;
}

const sourceOf = (topic: string) => `motcua/${topicOwner(topic) ?? 'unknown'}`;

/** A real, schema-checked envelope as its owning service would publish it. */
export function envelopeOf<D extends EventDefinition>(definition: D, dossierId: string, time: string, data: EventData<D>): TopicEvent {
  const envelope = integrationEvents.createEnvelope(definition, { source: sourceOf(definition.topic), subject: dossierId, time, data }) as unknown as DossierEvent & Envelope;
  return { topic: definition.topic, envelope };
}

/** Invented sample values: procedure 1.001612 (judicial record), unit H56.22. */
export const sampleProcedure = {
  code: '1.001612', version: 3, name: 'Cấp Phiếu lý lịch tư pháp', field: 'Lý lịch tư pháp', level: 'PROVINCE' as const, serviceLevel: 'FULL' as const,
  processingTime: { value: 10, unit: 'WORKING_DAYS' as const }, agencies: ['H56.22', 'H56.10'],
  fees: [{ code: 'LLTP', name: 'Phí lý lịch tư pháp', kind: 'FEE' as const, amount: 200_000, online: { rule: 'DISCOUNT_PERCENT' as const, percent: 15 } }],
  payFirst: false, eResultAllowed: true, returnsDocument: true, refundRule: 'FULL_ON_WITHDRAWAL' as const,
};

const applicantRef = 'a'.repeat(64);
const components = [
  { componentId: 'c1', name: 'Tờ khai', provenance: 'ELECTRONIC' as const, documentId: 'doc-1' },
  { componentId: 'c2', name: 'Giấy uỷ quyền', provenance: 'PAPER' as const },
  { componentId: 'c3', name: 'Căn cước', provenance: 'REUSED' as const, repositoryDocumentId: 'repo-9' },
];

/**
 * A whole life across the five topics: online submission, reception, one supplement, an extension,
 * online payment, a scanned and a reused component, resolution on time, an e-result, delivery.
 * Within a topic the events are in the order its service publishes them.
 */
export function wholeLife(dossierId: string, code = 'H56.22-250106-0001'): TopicEvent[] {
  const dossier = { dossierId, code };
  return [
    envelopeOf(DossierSubmitted, dossierId, '2025-01-06T01:00:00.000Z', { ...dossier, submittedAt: '2025-01-06T01:00:00.000Z', channel: 'ONLINE', unit: 'H56.22', procedureCode: '1.001612', procedureVersion: 3, applicantRef, applicantKind: 'INDIVIDUAL', components, delivery: 'ONLINE', portal: 'test-portal' }),
    envelopeOf(DossierReceived, dossierId, '2025-01-06T02:00:00.000Z', { ...dossier, receivedAt: '2025-01-06T02:00:00.000Z', dueAt: '2025-01-20T02:00:00.000Z', channel: 'ONLINE', unit: 'H56.22', applicantRef, components, delivery: 'ONLINE', procedure: sampleProcedure, officerId: 'officer-1', portal: 'test-portal' }),
    envelopeOf(CaseAssigned, dossierId, '2025-01-06T02:00:00.000Z', { dossierId, assignedAt: '2025-01-06T02:00:00.000Z', agency: 'H56.22', step: 1 }),
    envelopeOf(FeeAssessed, dossierId, '2025-01-06T02:00:01.000Z', { dossierId, assessedAt: '2025-01-06T02:00:01.000Z', items: [{ code: 'LLTP', kind: 'FEE', listed: 200_000, due: 170_000, rule: 'DISCOUNT_PERCENT' }], total: 170_000, exempt: false, payFirst: false }),
    envelopeOf(ComponentDigitised, dossierId, '2025-01-06T03:00:00.000Z', { dossierId, componentId: 'c2', documentId: 'scan-2', digitisedAt: '2025-01-06T03:00:00.000Z', pages: 2, officerId: 'officer-1', sha256: 'b'.repeat(64) }),
    envelopeOf(DocumentReused, dossierId, '2025-01-06T02:00:02.000Z', { dossierId, componentId: 'c3', repositoryDocumentId: 'repo-9', reusedAt: '2025-01-06T02:00:02.000Z' }),
    envelopeOf(DossierDigitised, dossierId, '2025-01-06T03:00:01.000Z', { dossierId, digitisedAt: '2025-01-06T03:00:01.000Z', components: 3 }),
    envelopeOf(PaymentSucceeded, dossierId, '2025-01-06T04:00:00.000Z', { dossierId, paymentId: 'pay-1', paidAt: '2025-01-06T04:00:00.000Z', amount: 170_000, method: 'ONLINE' }),
    envelopeOf(SupplementRequested, dossierId, '2025-01-08T02:00:00.000Z', { dossierId, requestId: 'sr-1', requestedAt: '2025-01-08T02:00:00.000Z', missing: ['Bản sao'], agency: 'H56.22', officerId: 'officer-2', sequence: 1 }),
    envelopeOf(ProcessingPaused, dossierId, '2025-01-08T02:00:00.000Z', { dossierId, pausedAt: '2025-01-08T02:00:00.000Z', reason: 'SUPPLEMENT' }),
    envelopeOf(SupplementProvided, dossierId, '2025-01-09T02:00:00.000Z', { ...dossier, providedAt: '2025-01-09T02:00:00.000Z', components: [{ componentId: 'c4', name: 'Bản sao', provenance: 'ELECTRONIC', documentId: 'doc-4' }], requestId: 'sr-1' }),
    envelopeOf(ProcessingResumed, dossierId, '2025-01-09T02:00:05.000Z', { dossierId, resumedAt: '2025-01-09T02:00:05.000Z', reason: 'SUPPLEMENT', pausedWorkingMinutes: 450, dueAt: '2025-01-21T02:00:00.000Z' }),
    envelopeOf(DeadlineExtended, dossierId, '2025-01-15T02:00:00.000Z', { dossierId, extendedAt: '2025-01-15T02:00:00.000Z', previousDueAt: '2025-01-21T02:00:00.000Z', dueAt: '2025-01-23T02:00:00.000Z', reason: 'Cần xác minh', approvedBy: 'leader-1' }),
    envelopeOf(DossierResolved, dossierId, '2025-01-17T02:00:00.000Z', {
      ...dossier, outcome: 'APPROVED', resolvedAt: '2025-01-17T02:00:00.000Z', receivedAt: '2025-01-06T02:00:00.000Z', dueAt: '2025-01-23T02:00:00.000Z', onTime: true,
      supplementCount: 1, pausedWorkingMinutes: 450, resultDocuments: [{ documentId: 'res-1', name: 'Phiếu lý lịch tư pháp' }], channel: 'ONLINE', delivery: 'ONLINE',
      applicantRef, unit: 'H56.22', procedureCode: '1.001612', procedureVersion: 3, eResultAllowed: true, returnsDocument: true, decidedBy: 'leader-1',
    }),
    envelopeOf(ResultIssued, dossierId, '2025-01-17T03:00:00.000Z', { ...dossier, issuedAt: '2025-01-17T03:00:00.000Z', applicantRef, result: { form: 'ELECTRONIC', documentId: 'res-1', sha256: 'c'.repeat(64), keyId: 'key-1', algorithm: 'Ed25519', signature: `${'A'.repeat(86)}==` } }),
    envelopeOf(ResultDelivered, dossierId, '2025-01-17T03:00:01.000Z', { dossierId, deliveredAt: '2025-01-17T03:00:01.000Z', method: 'ONLINE' }),
    envelopeOf(DossierCompleted, dossierId, '2025-01-17T03:00:01.000Z', { ...dossier, completedAt: '2025-01-17T03:00:01.000Z' }),
  ];
}

