import { allTopicSettings, dlqTopic, dlqTopicSettings, topicSettings, Topics, topicsOf } from './topics';

// The test preset gives each test file a topic namespace of its own (KAFKA_TOPIC_NAMESPACE).
const ns = String(process.env['KAFKA_TOPIC_NAMESPACE']);

describe('topics', () => {
  it('names one topic per owning service, plus the catalogue', () => {
    expect(Object.values(topicsOf(undefined))).toEqual([
      'motcua.intake.events.v1',
      'motcua.processing.events.v1',
      'motcua.payment.events.v1',
      'motcua.digitisation.events.v1',
      'motcua.issuance.events.v1',
      'motcua.catalogue.v1',
    ]);
  });

  it('prefixes every name with the deployment\'s namespace, and refuses one Kafka or a group name could not carry', () => {
    expect(Object.values(topicsOf('staging'))).toEqual(Object.values(topicsOf(undefined)).map((name) => `staging.${name}`));
    expect(topicsOf('')).toEqual(topicsOf(undefined));
    expect(Topics).toEqual(topicsOf(ns));
    expect(() => topicsOf('Staging')).toThrow(/KAFKA_TOPIC_NAMESPACE must be lower-case letters, digits and -/);
    expect(() => topicsOf('a.b')).toThrow(/KAFKA_TOPIC_NAMESPACE/);
  });

  it('keeps event topics forever and compacts the catalogue', () => {
    expect(topicSettings(Topics.intake)).toEqual({
      topic: `${ns}.motcua.intake.events.v1`,
      numPartitions: 6,
      config: { 'cleanup.policy': 'delete', 'retention.ms': '-1', 'retention.bytes': '-1', 'max.message.bytes': '1048588' },
    });
    expect(topicSettings(Topics.catalogue, 2)).toEqual({
      topic: `${ns}.motcua.catalogue.v1`,
      numPartitions: 2,
      config: { 'cleanup.policy': 'compact', 'max.message.bytes': '1048588' },
    });
    const settings = allTopicSettings(3);
    expect(settings.map((s) => s.topic)).toEqual(Object.values(Topics));
    expect(settings.filter((s) => s.config['retention.ms'] === '-1')).toHaveLength(5);
  });

  it('treats a topic it does not name as an event topic', () => {
    expect(topicSettings('test-7f3a.events', 1).config).toEqual(topicSettings(Topics.issuance).config);
  });

  it('hands out copies, so a caller cannot change the shared settings', () => {
    topicSettings(Topics.payment).config['retention.ms'] = '1000';
    expect(topicSettings(Topics.payment).config['retention.ms']).toBe('-1');
  });

  it('names dead-letter topics by source topic and consumer group', () => {
    expect(dlqTopic(Topics.intake, 'processing.motcua.intake.events.v1')).toBe(`${ns}.motcua.intake.events.v1.dlq.processing.motcua.intake.events.v1`);
    expect(dlqTopicSettings(Topics.payment, 'projections')).toEqual({
      topic: `${ns}.motcua.payment.events.v1.dlq.projections`,
      numPartitions: 1,
      config: { 'cleanup.policy': 'delete', 'retention.ms': '-1', 'retention.bytes': '-1', 'max.message.bytes': '2097176' },
    });
  });

  it('refuses a dead-letter name Kafka would refuse', () => {
    expect(() => dlqTopic(Topics.intake, 'group with spaces')).toThrow(/not a legal Kafka topic name/);
    expect(() => dlqTopic(Topics.intake, 'g'.repeat(250))).toThrow(/not a legal Kafka topic name/);
  });
});
