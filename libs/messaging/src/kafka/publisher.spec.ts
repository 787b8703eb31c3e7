import { OutgoingMessage, topicBatches } from './publisher';

const message = (key: string, seq: number, topic?: string): OutgoingMessage => ({ key, value: `${key}#${seq}`, headers: { seq: String(seq) }, ...(topic ? { topic } : {}) });

describe('topicBatches', () => {
  it('sends messages without a topic to the default one, each topic once, in order of first appearance', () => {
    const batches = topicBatches('own', [message('a', 1), message('p', 1, 'catalogue'), message('a', 2), message('p', 2, 'catalogue'), message('b', 1)]);
    expect(batches.map((b) => b.topic)).toEqual(['own', 'catalogue']);
    expect(batches[0].messages.map((m) => m.value)).toEqual(['a#1', 'a#2', 'b#1']);
    expect(batches[1].messages.map((m) => m.value)).toEqual(['p#1', 'p#2']);
  });

  it('hands kafkajs only key, value and headers', () => {
    const [batch] = topicBatches('own', [message('p', 1, 'catalogue')]);
    expect(batch.messages[0]).toEqual({ key: 'p', value: 'p#1', headers: { seq: '1' } });
  });

  it('gives no batch for no messages', () => {
    expect(topicBatches('own', [])).toEqual([]);
  });
});
