import type { TSchema } from '@sinclair/typebox';
import { EnvelopeHeaders, EnvelopeSchema, dataSchemaUri } from '../envelope';
import type { EventDefinition } from '../event-definition';
import { currentIntegrationEvents, supersededIntegrationEvents } from '../integration-events';
import { DEFAULT_PARTITIONS, TOPIC_OWNERS as OWNER, TopicConfigs, type TopicKey, Topics } from '../topics';

const SUBJECT = {
  intake: 'the dossier id',
  processing: 'the dossier id',
  payment: 'the dossier id',
  digitisation: 'the dossier id, or the document id for a document stored',
  issuance: 'the dossier id',
  catalogue: 'the procedure code or the unit code',
} as const satisfies Record<TopicKey, string>;

type Json = Record<string, unknown>;

/** A TypeBox schema as plain JSON Schema: its symbol-keyed markers dropped. */
const plain = (schema: TSchema): Json => JSON.parse(JSON.stringify(schema)) as Json;

const messageId = (definition: EventDefinition) => `${definition.type}.v${definition.version}`;

function message(definition: EventDefinition, superseded: boolean): Json {
  const envelope = plain(EnvelopeSchema);
  const properties = envelope['properties'] as Json;
  return {
    name: definition.type,
    title: `${definition.type} (version ${definition.version})`,
    summary: superseded
      ? `An earlier version of ${definition.type}: still on the topic, read and upcast by consumers, never published again.`
      : `${definition.type}, version ${definition.version}: the CloudEvents envelope with the event's data.`,
    contentType: 'application/json',
    headers: {
      type: 'object',
      description: 'The envelope\'s ids repeated as Kafka headers (CloudEvents Kafka binding, ce_ prefix), so a message is routed and traced without parsing its value.',
      properties: Object.fromEntries(Object.values(EnvelopeHeaders).map((name) => [name, { type: 'string' }])),
      required: Object.values(EnvelopeHeaders),
    },
    // JSON Schema draft-07, as ajv validates it when the message is read: the unions' `discriminator`
    // is ajv's (OpenAPI's) keyword, not the AsyncAPI schema format's.
    payload: {
      schemaFormat: 'application/schema+json;version=draft-07',
      schema: {
        ...envelope,
        properties: {
          ...properties,
          type: { type: 'string', const: definition.type },
          schemaversion: { type: 'integer', const: definition.version },
          dataschema: { type: 'string', const: dataSchemaUri(definition.type, definition.version) },
          data: plain(definition.schema),
        },
      },
    },
    bindings: { kafka: { key: { type: 'string', description: 'The envelope\'s subject' }, bindingVersion: '0.5.0' } },
  };
}

function topicConfiguration(topic: string): Json {
  const config = TopicConfigs[topic];
  const policy = config['cleanup.policy'];
  return {
    'cleanup.policy': [policy],
    ...(config['retention.ms'] ? { 'retention.ms': Number(config['retention.ms']) } : {}),
    ...(config['retention.bytes'] ? { 'retention.bytes': Number(config['retention.bytes']) } : {}),
    'max.message.bytes': Number(config['max.message.bytes']),
  };
}

/**
 * The AsyncAPI 3 document of every topic and every event, generated from the definitions in this
 * library (never written by hand): one channel per topic (addressed by this deployment's topic
 * names), its messages (every current version, and superseded versions still found on the topic),
 * and the owning service's send operation. Consumers are not listed: a topic is read by any
 * service that needs it, and by the projections.
 */
export function asyncApiDocument(version: string): Json {
  const keys = Object.keys(Topics) as TopicKey[];
  const byTopic = (topic: string, definitions: readonly EventDefinition[]) => definitions.filter((d) => d.topic === topic);
  const channels = Object.fromEntries(
    keys.map((key) => {
      const topic = Topics[key];
      const definitions = [...byTopic(topic, currentIntegrationEvents), ...byTopic(topic, supersededIntegrationEvents)];
      return [
        key,
        {
          address: topic,
          title: `${key} events`,
          description: `Published by ${OWNER[key]} only. Keyed by ${SUBJECT[key]}, so one subject's events stay in order on one partition. Kept forever${TopicConfigs[topic]['cleanup.policy'] === 'compact' ? ', compacted to each key\'s latest record' : ''}. A consumer's poison messages go to \`${topic}.dlq.<consumer group>\`.`,
          messages: Object.fromEntries(definitions.map((d) => [messageId(d), { $ref: `#/components/messages/${messageId(d)}` }])),
          bindings: { kafka: { partitions: DEFAULT_PARTITIONS, topicConfiguration: topicConfiguration(topic), bindingVersion: '0.5.0' } },
        },
      ];
    }),
  );
  const operations = Object.fromEntries(
    keys.map((key) => [
      `${OWNER[key]}.publish.${key}`,
      {
        action: 'send',
        title: `${OWNER[key]} publishes ${key} events`,
        summary: `The relay of ${OWNER[key]} publishes each stored event once, in stream order.`,
        channel: { $ref: `#/channels/${key}` },
        messages: byTopic(Topics[key], currentIntegrationEvents).map((d) => ({ $ref: `#/channels/${key}/messages/${messageId(d)}` })),
      },
    ]),
  );
  const messages = Object.fromEntries([
    ...currentIntegrationEvents.map((d) => [messageId(d), message(d, false)] as const),
    ...supersededIntegrationEvents.map((d) => [messageId(d), message(d, true)] as const),
  ]);
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Một Cửa integration events',
      version,
      description: 'Every domain event the services exchange over Kafka: the shared history from which the projections are rebuilt.',
    },
    defaultContentType: 'application/json',
    channels,
    operations,
    components: { messages },
  };
}
