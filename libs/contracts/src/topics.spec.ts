import { allTopicSettings, dlqTopic, dlqTopicSettings, topicSettings, Topics } from './topics';

describe('topics', () => {
  it('names one topic per owning service, plus the catalogue', () => {
    expect(Object.values(Topics)).toEqual([
      'motcua.intake.events.v1',
      'motcua.processing.events.v1',
      'motcua.payment.events.v1',
      'motcua.digitisation.events.v1',
      'motcua.issuance.events.v1',
      'motcua.catalogue.v1',
    ]);
  });

  it('keeps event topics forever and compacts the catalogue', () => {
    expect(topicSettings(Topics.intake)).toEqual({
      topic: 'motcua.intake.events.v1',
      numPartitions: 6,
      config: { 'cleanup.policy': 'delete', 'retention.ms': '-1', 'retention.bytes': '-1', 'max.message.bytes': '1048588' },
    });
    expect(topicSettings(Topics.catalogue, 2)).toEqual({
      topic: 'motcua.catalogue.v1',
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
    expect(dlqTopic(Topics.intake, 'processing.motcua.intake.events.v1')).toBe('motcua.intake.events.v1.dlq.processing.motcua.intake.events.v1');
    expect(dlqTopicSettings(Topics.payment, 'projections')).toEqual({
      topic: 'motcua.payment.events.v1.dlq.projections',
      numPartitions: 1,
      config: { 'cleanup.policy': 'delete', 'retention.ms': '-1', 'retention.bytes': '-1', 'max.message.bytes': '2097176' },
    });
  });

  it('refuses a dead-letter name Kafka would refuse', () => {
    expect(() => dlqTopic(Topics.intake, 'group with spaces')).toThrow(/not a legal Kafka topic name/);
    expect(() => dlqTopic(Topics.intake, 'g'.repeat(250))).toThrow(/not a legal Kafka topic name/);
  });
});
