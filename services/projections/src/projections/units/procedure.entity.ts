import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A procedure version from the catalogue topic; dossiers carry their own snapshot, this is for analysts' joins. */
@Entity({ name: 'procedures' })
export class ProcedureEntity {
  @PrimaryColumn({ type: 'text' }) code: string;
  @PrimaryColumn({ type: 'integer' }) version: number;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'text' }) field: string;
  @Column({ type: 'text' }) level: string;
  @Column({ type: 'text' }) serviceLevel: string;
  @Column({ type: 'numeric', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } }) processingTimeValue: number;
  @Column({ type: 'text' }) processingTimeUnit: string;
  @Column({ type: 'boolean' }) returnsDocument: boolean;
  @Column({ type: 'boolean' }) eResultAllowed: boolean;
  @Column({ type: 'boolean' }) feeBearing: boolean;
  @Column({ type: 'boolean' }) sample: boolean;
  @Column({ type: 'timestamptz' }) effectiveFrom: Date;
  @Column({ type: 'timestamptz', nullable: true }) retiredAt: Date | null;
}
