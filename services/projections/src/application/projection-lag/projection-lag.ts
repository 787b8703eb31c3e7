import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Admin, Kafka } from 'kafkajs';
import { Repository } from 'typeorm';
import { PROJECTED_TOPICS, PROJECTION_KAFKA } from '../../api/kafka/projection.runtime';
import { ConsumedOffsetEntity } from '../../projections/consumed-offsets/consumed-offset.entity';

export interface PartitionLag {
  topic: string;
  partition: number;
  /** Last offset whose effects are in the read models; -1 before the first. */
  storedOffset: number;
  /** Offset the next message will get (Kafka's high watermark). */
  highWatermark: number;
  /** Messages on the partition not yet in the read models. */
  lag: number;
}

/** How far the read models are behind each topic partition: the stored offsets against Kafka's high watermarks. */
@Injectable()
export class ProjectionLag implements OnApplicationShutdown {
  private admin: Promise<Admin> | undefined;

  constructor(
    @Inject(PROJECTION_KAFKA) private readonly kafka: Kafka,
    @InjectRepository(ConsumedOffsetEntity) private readonly offsets: Repository<ConsumedOffsetEntity>,
  ) {}

  async read(): Promise<PartitionLag[]> {
    const admin = await this.connected();
    const stored = new Map((await this.offsets.find()).map((o) => [`${o.topic}|${o.partition}`, Number(o.offset)]));
    const lags: PartitionLag[] = [];
    for (const topic of PROJECTED_TOPICS) {
      for (const { partition, high } of await admin.fetchTopicOffsets(topic)) {
        const storedOffset = stored.get(`${topic}|${partition}`) ?? -1;
        const highWatermark = Number(high);
        lags.push({ topic, partition, storedOffset, highWatermark, lag: Math.max(0, highWatermark - (storedOffset + 1)) });
      }
    }
    return lags.sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
  }

  /** Messages on each topic (high less low watermarks of its partitions), over the same admin connection. */
  async messagesOn(topics: string[]): Promise<Record<string, number>> {
    const admin = await this.connected();
    const counts: Record<string, number> = {};
    for (const topic of topics) counts[topic] = (await admin.fetchTopicOffsets(topic)).reduce((sum, p) => sum + Number(p.high) - Number(p.low), 0);
    return counts;
  }

  private connected(): Promise<Admin> {
    this.admin ??= (async () => {
      const admin = this.kafka.admin();
      await admin.connect();
      return admin;
    })().catch((error: unknown) => {
      this.admin = undefined;
      throw error;
    });
    return this.admin;
  }

  async onApplicationShutdown(): Promise<void> {
    const admin = await this.admin?.catch(() => undefined);
    await admin?.disconnect();
  }
}
