/** Kafka topics, one per owning service (DESIGN.md): the system's shared history, kept forever. */
export const Topics = {
  intake: 'motcua.intake.events.v1',
  processing: 'motcua.processing.events.v1',
  payment: 'motcua.payment.events.v1',
  digitisation: 'motcua.digitisation.events.v1',
  issuance: 'motcua.issuance.events.v1',
  /** Latest state of each procedure and unit, compacted by key, for read models. */
  catalogue: 'motcua.catalogue.v1',
} as const;

export type TopicName = (typeof Topics)[keyof typeof Topics];

export interface TopicSettings {
  topic: string;
  numPartitions: number;
  config: Record<string, string>;
}

const forever = { 'retention.ms': '-1', 'retention.bytes': '-1' };

/**
 * The settings a topic is created with: event topics keep everything forever (they are the
 * system's shared history), the catalogue is compacted. Partitions follow deployment size.
 */
export function topicSettings(topic: string, numPartitions = 6): TopicSettings {
  const config = topic === Topics.catalogue ? { 'cleanup.policy': 'compact' } : { ...forever, 'cleanup.policy': 'delete' };
  return { topic, numPartitions, config };
}

/** `<topic>.dlq.<consumer-group>`: one dead-letter topic per source topic and consumer group. */
export function dlqTopic(topic: string, consumerGroup: string): string {
  return `${topic}.dlq.${consumerGroup}`;
}

export function dlqTopicSettings(topic: string, consumerGroup: string): TopicSettings {
  return { topic: dlqTopic(topic, consumerGroup), numPartitions: 1, config: { ...forever } };
}
