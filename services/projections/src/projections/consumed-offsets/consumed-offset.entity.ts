import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The last Kafka offset whose effects are in the read models, per topic and partition. */
@Entity({ name: 'consumed_offsets' })
export class ConsumedOffsetEntity {
  @PrimaryColumn({ type: 'text' }) topic: string;
  @PrimaryColumn({ type: 'integer' }) partition: number;
  @Column({ type: 'bigint' }) offset: string;
}
