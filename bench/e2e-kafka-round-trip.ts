import { randomUUID } from 'node:crypto';
import { connectKafka, ensureTopics } from '@motcua/messaging';
import { CompressionTypes } from 'kafkajs';
import { now } from './e2e-calls';

/**
 * The raw floor of one hop: a message of `bytes` produced with kafkajs as the relays produce
 * (idempotent, acks=all, gzip) to a fresh topic on the same broker, timed until a kafkajs consumer
 * of a group of its own receives it. One message in flight at a time.
 */
export async function kafkaRoundTrips(brokers: string[], bytes: number) {
  const kafka = connectKafka({ brokers, clientId: 'bench-e2e-raw' });
  const topic = `bench.e2e.raw.${randomUUID()}`;
  await ensureTopics(kafka, [{ topic, numPartitions: 1 }]);
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
  const consumer = kafka.consumer({ groupId: `bench-e2e-raw-${randomUUID()}`, allowAutoTopicCreation: false });
  const waiting = new Map<string, () => void>();
  let joined = false;
  consumer.on(consumer.events.GROUP_JOIN, () => {
    joined = true;
  });
  await Promise.all([producer.connect(), consumer.connect()]);
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      waiting.get(String(message.key))?.();
    },
  });
  while (!joined) await new Promise((resolve) => setTimeout(resolve, 10));
  // {"id":"<uuid>","padding":"…"} is 58 characters around the padding.
  const padding = 'x'.repeat(Math.max(0, bytes - 58));

  const roundTrip = async (): Promise<number> => {
    const key = randomUUID();
    const arrived = new Promise<void>((resolve) => waiting.set(key, resolve));
    const start = now();
    await producer.send({ topic, acks: -1, compression: CompressionTypes.GZIP, messages: [{ key, value: JSON.stringify({ id: key, padding }) }] });
    await arrived;
    waiting.delete(key);
    return now() - start;
  };

  let background: Promise<void> | undefined;
  let running = false;
  const underLoad: number[] = [];
  return {
    /** `count` round trips one after another. */
    async measure(count: number): Promise<number[]> {
      const samples: number[] = [];
      for (let i = 0; i < count; i++) samples.push(await roundTrip());
      return samples;
    },
    /** Round trips every `intervalMs` until `stop`, beside the load the lifecycles put on the broker and the machine. */
    startUnderLoad(intervalMs = 50): void {
      running = true;
      background = (async () => {
        while (running) {
          underLoad.push(await roundTrip());
          await new Promise((resolve) => setTimeout(resolve, intervalMs));
        }
      })();
    },
    async stopUnderLoad(): Promise<number[]> {
      running = false;
      await background;
      return underLoad;
    },
    async close(): Promise<void> {
      await Promise.all([producer.disconnect(), consumer.disconnect()]);
      const admin = kafka.admin();
      await admin.connect();
      await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
      await admin.disconnect();
    },
  };
}
