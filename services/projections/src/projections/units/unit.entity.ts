import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An administrative unit from the catalogue topic; the view unit_successors says which unit carries it on today. */
@Entity({ name: 'units' })
export class UnitEntity {
  @PrimaryColumn({ type: 'text' }) code: string;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'text' }) level: string;
  @Column({ type: 'text', nullable: true }) parent: string | null;
  @Column({ type: 'text', array: true }) successorOf: string[];
  @Column({ type: 'timestamptz' }) validFrom: Date;
  @Column({ type: 'timestamptz', nullable: true }) validTo: Date | null;
}
