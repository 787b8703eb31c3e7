import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Every event id already applied: a relay may publish one event twice, at two offsets. */
@Entity({ name: 'projected_events' })
export class ProjectedEventEntity {
  @PrimaryColumn({ type: 'uuid' }) eventId: string;
  @Column({ type: 'text' }) topic: string;
  @Column({ type: 'integer' }) partition: number;
  @Column({ type: 'bigint' }) offset: string;
}
