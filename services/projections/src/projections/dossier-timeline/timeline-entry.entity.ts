import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One step of one dossier's life; never personal data (no applicant, no officer ids). */
@Entity({ name: 'dossier_timeline' })
@Index(['dossierId', 'occurredAt'])
export class TimelineEntryEntity {
  @PrimaryColumn({ type: 'uuid' }) eventId: string;
  @Column({ type: 'uuid' }) dossierId: string;
  @Column({ type: 'timestamptz' }) occurredAt: Date;
  @Column({ type: 'text' }) service: string;
  @Column({ type: 'text' }) eventType: string;
  @Column({ type: 'text' }) statusAfter: string;
  @Column({ type: 'text' }) actorRole: string;
}
