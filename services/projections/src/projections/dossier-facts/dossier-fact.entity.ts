import { Column, Entity, PrimaryColumn } from 'typeorm';

const at = () => Column({ type: 'timestamptz', nullable: true });
const text = () => Column({ type: 'text', nullable: true });
const flag = () => Column({ type: 'boolean', nullable: true });
const list = () => Column({ type: 'jsonb' });
/** bigint and numeric come back from pg as strings; money and durations are plain numbers here. */
const asNumber = { to: (value: number | null) => value, from: (value: string | null) => (value === null ? null : Number(value)) };

/** One row per dossier: every fact an indicator needs (see the migration's comments for each column). */
@Entity({ name: 'dossier_facts' })
export class DossierFactEntity {
  @PrimaryColumn({ type: 'uuid' }) dossierId: string;
  @text() code: string | null;
  @Column({ type: 'text' }) status: string;
  @text() unit: string | null;
  @text() successorUnit: string | null;
  @text() department: string | null;
  @text() currentAgency: string | null;
  @Column({ type: 'integer' }) currentStep: number;
  @text() procedureCode: string | null;
  @Column({ type: 'integer', nullable: true }) procedureVersion: number | null;
  @text() procedureName: string | null;
  @text() field: string | null;
  @text() level: string | null;
  @text() serviceLevel: string | null;
  @Column({ type: 'text', array: true }) agencies: string[];
  @Column({ type: 'numeric', nullable: true, transformer: asNumber }) processingTimeValue: number | null;
  @text() processingTimeUnit: string | null;
  @flag() returnsDocument: boolean | null;
  @flag() eResultAllowed: boolean | null;
  @flag() payFirst: boolean | null;
  @flag() feeBearing: boolean | null;
  @text() channel: string | null;
  @at() submittedAt: Date | null;
  @at() returnedAt: Date | null;
  @at() receivedAt: Date | null;
  @at() rejectedAt: Date | null;
  @at() withdrawnAt: Date | null;
  @at() caseAssignedAt: Date | null;
  @at() stoppedAt: Date | null;
  @at() resolvedAt: Date | null;
  @at() resultIssuedAt: Date | null;
  @at() deliveredAt: Date | null;
  @at() completedAt: Date | null;
  @at() dueAt: Date | null;
  @list() dueHistory: { changedAt: string; dueAt: string; dueSoonFrom: string }[];
  @at() dueSoonAt: Date | null;
  @at() overdueAt: Date | null;
  @at() apologyIssuedAt: Date | null;
  @at() newAppointmentAt: Date | null;
  @Column({ type: 'integer' }) supplementCount: number;
  @at() pendingSupplementRequestedAt: Date | null;
  @list() supplementRequests: { requestId: string; sequence: number; requestedAt: string; answeredAt: string | null }[];
  @list() supplementsProvided: { requestId: string | null; providedAt: string }[];
  @list() pauses: { reason: string; pausedAt: string; resumedAt: string | null; workingMinutes: number | null }[];
  @Column({ type: 'integer' }) pausedWorkingMinutes: number;
  @Column({ type: 'integer', nullable: true }) pausedWorkingMinutesAtResolution: number | null;
  @at() paymentWaitFrom: Date | null;
  @at() paymentWaitUntil: Date | null;
  @text() outcome: string | null;
  @flag() onTime: boolean | null;
  @Column({ type: 'integer', nullable: true }) resolutionWorkingMinutes: number | null;
  @Column({ type: 'integer' }) workingDayMinutes: number;
  @Column({ type: 'bigint', nullable: true, transformer: asNumber }) feeAssessed: number | null;
  @flag() feeExempt: boolean | null;
  @at() paidAt: Date | null;
  @Column({ type: 'boolean' }) paidOnline: boolean;
  @Column({ type: 'boolean' }) paidInCash: boolean;
  @at() refundedAt: Date | null;
  @list() components: { componentId: string; provenance: string | null; digitisedAt: string | null; reusedAt: string | null; reuseRefusedAt: string | null }[];
  @Column({ type: 'boolean' }) allElectronic: boolean;
  @at() digitisedAt: Date | null;
  @Column({ type: 'boolean' }) reused: boolean;
  @text() resultForm: string | null;
  @Column({ type: 'boolean' }) eResult: boolean;
  @at() resultDigitisedAt: Date | null;
  @at() lastEventAt: Date | null;
}
