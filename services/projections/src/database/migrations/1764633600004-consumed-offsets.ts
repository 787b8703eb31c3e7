import { MigrationInterface, QueryRunner } from 'typeorm';
import { commentsOn, schemaOf } from './migration-sql';

export class ConsumedOffsets1764633600004 implements MigrationInterface {
  name = 'ConsumedOffsets1764633600004';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`create table ${s}.consumed_offsets (topic text not null, partition integer not null, "offset" bigint not null, primary key (topic, partition))`);
    await queryRunner.query(
      commentsOn(s, 'consumed_offsets', 'How far the read models have applied each topic partition; written in the same transaction as the rows, so they never disagree.', {
        topic: 'Kafka topic.',
        partition: 'Partition.',
        '"offset"': 'Last offset whose effects are in the read models; the consumer skips anything at or below it.',
      }),
    );
    await queryRunner.query(`create table ${s}.projected_events (event_id uuid primary key, topic text not null, partition integer not null, "offset" bigint not null)`);
    await queryRunner.query(
      commentsOn(s, 'projected_events', 'Every event id applied, at its first offset: an event published twice (at two offsets) is applied once.', {
        event_id: 'Envelope id of the event.',
        topic: 'Topic it was first applied from.',
        partition: 'Partition.',
        '"offset"': 'Offset it was first applied from.',
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`drop table ${s}.projected_events; drop table ${s}.consumed_offsets`);
  }
}
