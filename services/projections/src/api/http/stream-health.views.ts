import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { StreamHealth } from '../../application/stream-health/stream-health';

export class ConsumerCountersView {
  @ApiProperty() ready: boolean;
  @ApiProperty({ description: 'Messages handled since this instance started: applied, skipped as already applied, duplicates, dead-lettered, ignored' }) messages: number;
  @ApiProperty() applied: number;
  @ApiProperty() batches: number;
  @ApiProperty() deadLettered: number;
  @ApiProperty({ description: 'Event types the registry does not know, skipped' }) ignored: number;
}

export class TopicCountsView {
  @ApiProperty() total: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' }, description: 'By projected topic' }) topics: Record<string, number>;
}

export class StreamHealthView implements StreamHealth {
  @ApiProperty({ type: ConsumerCountersView, description: "This instance's consumer (another replica counts its own)" }) consumer: ConsumerCountersView;
  @ApiProperty({ description: "Whether Kafka answered the service's last probe (every 5 s); while not, lag and dead letters are null" }) brokerUp: boolean;
  @ApiPropertyOptional({ type: TopicCountsView, nullable: true, description: 'Messages not yet in the read models; null while Kafka does not answer' }) lag: TopicCountsView | null;
  @ApiPropertyOptional({ type: TopicCountsView, nullable: true, description: "Messages on this group's dead-letter topics (kept forever); null while Kafka does not answer" }) deadLetters: TopicCountsView | null;
  @ApiProperty({ description: 'Dossiers queued for the indicator totals' }) indicatorTotalsQueued: number;
}
