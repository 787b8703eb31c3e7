import { randomUUID } from 'node:crypto';
import { Topics } from '@motcua/contracts';
import { connectKafka } from '@motcua/messaging';
import { now } from './e2e-calls';

/**
 * When each DossierReceived reaches intake's topic, read by a consumer group of its own from the
 * topic's end: it splits the time from the reception's answer to the statistics into intake's
 * relay (event store → topic) and the projections' part (topic → read models → the drill-down).
 */
export async function watchDossierReceived(brokers: string[]) {
  const kafka = connectKafka({ brokers, clientId: 'bench-e2e-topic-watch' });
  const consumer = kafka.consumer({ groupId: `bench-e2e-topic-watch-${randomUUID()}`, allowAutoTopicCreation: false });
  const arrived = new Map<string, number>();
  let joined = false;
  consumer.on(consumer.events.GROUP_JOIN, () => {
    joined = true;
  });
  await consumer.connect();
  await consumer.subscribe({ topic: Topics.intake, fromBeginning: false });
  await consumer.run({
    eachMessage: async ({ message }) => {
      const at = now();
      // Only the two attributes needed, without the registry's validation: the watcher must not lag itself.
      const envelope = JSON.parse(String(message.value)) as { type?: string; subject?: string };
      if (envelope.type === 'DossierReceived' && envelope.subject && !arrived.has(envelope.subject)) arrived.set(envelope.subject, at);
    },
  });
  while (!joined) await new Promise((resolve) => setTimeout(resolve, 10));
  return {
    arrived,
    stop: () => consumer.disconnect(),
  };
}
