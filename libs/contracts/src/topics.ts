/** The topics' names within a deployment; `topicsOf` prefixes them with its namespace. */
const TOPIC_NAMES = {
  intake: 'motcua.intake.events.v1',
  processing: 'motcua.processing.events.v1',
  payment: 'motcua.payment.events.v1',
  digitisation: 'motcua.digitisation.events.v1',
  issuance: 'motcua.issuance.events.v1',
  /** Published by intake; keyed by procedure code or unit code, compacted to each one's latest state. */
  catalogue: 'motcua.catalogue.v1',
} as const;

export type TopicKey = keyof typeof TOPIC_NAMES;

/** The service that publishes each topic (its envelopes' source is `motcua/<service>`); intake also publishes the catalogue. */
export const TOPIC_OWNERS: Readonly<Record<TopicKey, string>> = {
  intake: 'intake',
  processing: 'processing',
  payment: 'payment',
  digitisation: 'digitisation',
  issuance: 'issuance',
  catalogue: 'intake',
};

/** Lower-case letters, digits and -, like KAFKA_GROUP_NAMESPACE: legal in every topic and group name. */
export const TOPIC_NAMESPACE_PATTERN = /^[a-z0-9][a-z0-9-]{0,40}$/;

/**
 * The topics of a deployment whose namespace is `namespace` (`<namespace>.motcua.intake.events.v1`),
 * or the plain names without one. Two environments sharing a Kafka cluster (staging beside a
 * rehearsal, or the test suite's stacks) each set their own and never read the other's events.
 */
export function topicsOf(namespace: string | undefined): Readonly<Record<TopicKey, string>> {
  if (namespace === undefined || namespace === '') return TOPIC_NAMES;
  if (!TOPIC_NAMESPACE_PATTERN.test(namespace)) throw new Error('KAFKA_TOPIC_NAMESPACE must be lower-case letters, digits and -');
  return Object.fromEntries(Object.entries(TOPIC_NAMES).map(([key, name]) => [key, `${namespace}.${name}`])) as Record<TopicKey, string>;
}

/**
 * Kafka topics, one per owning service (DESIGN.md), keyed by subject (the dossier id). They are
 * the system's shared history: kept forever, and replayed from the start to rebuild projections.
 * Named once per process, when this module is first loaded, from KAFKA_TOPIC_NAMESPACE: a topic's
 * name is part of the deployment, like its brokers, and never changes while a service runs.
 */
export const Topics = topicsOf(process.env['KAFKA_TOPIC_NAMESPACE']);

/** A topic of this deployment (see `Topics`). */
export type TopicName = string;

export interface TopicSettings {
  topic: string;
  numPartitions: number;
  config: Record<string, string>;
}

/** Enough for the consumer replicas of a province; tests pass fewer (2 cores). */
export const DEFAULT_PARTITIONS = 6;

/**
 * The largest record (key, value, headers and batch overhead) an event topic takes: Kafka's
 * default, set on every topic and in deploy/kafka/server.properties so that the check made when
 * an event is stored (PublishCheckedEventStore) and the broker agree.
 */
export const MAX_MESSAGE_BYTES = 1_048_588;
/** A dead letter is its original message plus headers saying why: it gets headroom above the limit. */
const DLQ_MAX_MESSAGE_BYTES = 2 * MAX_MESSAGE_BYTES;

const sized = { 'max.message.bytes': String(MAX_MESSAGE_BYTES) } as const;
const keptForever = { 'cleanup.policy': 'delete', 'retention.ms': '-1', 'retention.bytes': '-1', ...sized } as const;
/** Compaction keeps the latest record per key forever; an older procedure version is superseded, not lost to time. */
const compacted = { 'cleanup.policy': 'compact', ...sized } as const;

/** The config each topic is created with; the messaging lib provisions topics from this data. */
export const TopicConfigs: Readonly<Record<TopicName, Readonly<Record<string, string>>>> = {
  [Topics.intake]: keptForever,
  [Topics.processing]: keptForever,
  [Topics.payment]: keptForever,
  [Topics.digitisation]: keptForever,
  [Topics.issuance]: keptForever,
  [Topics.catalogue]: compacted,
};

/** A topic not named above (a test's own topic, say) is treated as an event topic: kept forever. */
export function topicSettings(topic: string, numPartitions = DEFAULT_PARTITIONS): TopicSettings {
  const config = isTopicName(topic) ? TopicConfigs[topic] : keptForever;
  return { topic, numPartitions, config: { ...config } };
}

export function isTopicName(topic: string): topic is TopicName {
  return Object.prototype.hasOwnProperty.call(TopicConfigs, topic);
}

export function allTopicSettings(numPartitions = DEFAULT_PARTITIONS): TopicSettings[] {
  return Object.values(Topics).map((topic) => topicSettings(topic, numPartitions));
}

/** Kafka's own limits on topic names; a DLQ name is built from two inputs, so check it. */
const LEGAL_TOPIC = /^[A-Za-z0-9._-]{1,249}$/;

/** `<topic>.dlq.<consumer-group>`: a poison message is parked per consumer, not for everyone. */
export function dlqTopic(topic: string, consumerGroup: string): string {
  const name = `${topic}.dlq.${consumerGroup}`;
  if (!LEGAL_TOPIC.test(name)) throw new Error(`'${name}' is not a legal Kafka topic name`);
  return name;
}

/** One partition: dead letters are rare and read by people, in order; kept forever like their source topic. */
export function dlqTopicSettings(topic: string, consumerGroup: string): TopicSettings {
  return { topic: dlqTopic(topic, consumerGroup), numPartitions: 1, config: { ...keptForever, 'max.message.bytes': String(DLQ_MAX_MESSAGE_BYTES) } };
}

/** The service that publishes this deployment's topic, or undefined for a topic not named in `Topics`. */
export function topicOwner(topic: string): string | undefined {
  const key = (Object.keys(Topics) as TopicKey[]).find((k) => Topics[k] === topic);
  return key === undefined ? undefined : TOPIC_OWNERS[key];
}
