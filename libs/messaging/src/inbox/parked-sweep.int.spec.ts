import { randomUUID } from 'node:crypto';
import { integrationEvents } from '@motcua/contracts';
import { Registry } from 'prom-client';
import { KafkaPublisher } from '../kafka/publisher';
import { silentLogger } from '../logger';
import { appliedCount, countingHandler, createEffects } from '../testing/effects';
import { rejected, sendEnvelopes, withdrawn } from '../testing/envelopes';
import { openTestKit, TestKit } from '../testing/test-kit';
import { until } from '../testing/until';
import { NotYetKnownError } from './errors';
import { InboxConsumer } from './inbox-consumer';
import { MessageHandler } from './message-handler';
import { ParkedMessageDrain } from './parked-message-drain';
import { registerParkedMetrics } from './parked-metrics';

describe('parked messages are retried and visible (real PostgreSQL and Kafka)', () => {
  let kit: TestKit;
  let publisher: KafkaPublisher;
  let consumer: InboxConsumer | undefined;
  let drain: ParkedMessageDrain;
  const known = new Set<string>();
  let failures = 0;
  /** Withdrawals wait for their dossier; a rejection makes the dossier known; `failures` makes the next withdrawals fail. */
  const handle = (): MessageHandler => {
    const count = countingHandler(kit.db, kit.schema);
    return async (envelope, context) => {
      if (envelope.type === 'DossierRejected') known.add(envelope.subject);
      if (envelope.type === 'DossierWithdrawn' && !known.has(envelope.subject)) throw new NotYetKnownError(envelope.subject);
      if (envelope.type === 'DossierWithdrawn' && failures > 0) {
        failures -= 1;
        throw new Error('the database is busy');
      }
      await count(envelope, context);
    };
  };
  const start = async () => {
    consumer = new InboxConsumer(kit.kafka, kit.db, kit.schema, publisher, drain, {
      group: `g-${randomUUID()}`,
      topic: kit.topic,
      handle: handle(),
      decode: (value) => integrationEvents.decode(value),
      sessionTimeoutMs: 6_000,
    });
    await consumer.start();
    return consumer;
  };

  beforeEach(async () => {
    kit = await openTestKit('sweep', 1);
    publisher = new KafkaPublisher(kit.kafka);
    await createEffects(kit.db, kit.schema);
    drain = new ParkedMessageDrain(kit.db, kit.schema, silentLogger, { sweepEveryMs: 100, retryAfterMs: 200 });
  });
  afterEach(async () => {
    await consumer?.stop();
    await publisher.close();
    await kit.close();
  });

  it('applies a parked message once its subject is known, though no further message about it comes', async () => {
    const dossierId = randomUUID();
    const running = await start();
    await sendEnvelopes(publisher, kit.topic, withdrawn(dossierId));
    await until(() => running.counters.parked === 1, 'the message parked');
    known.add(dossierId);
    await until(async () => (await appliedCount(kit.db, kit.schema, dossierId)) === 1, 'the parked message applied by a later sweep', 30_000);
  });

  it('retries a parked message whose drain failed, until it is applied', async () => {
    const dossierId = randomUUID();
    const running = await start();
    await sendEnvelopes(publisher, kit.topic, withdrawn(dossierId));
    await until(() => running.counters.parked === 1, 'the message parked');
    failures = 2;
    await sendEnvelopes(publisher, kit.topic, rejected(dossierId));
    await until(async () => (await appliedCount(kit.db, kit.schema, dossierId)) === 2, 'the parked message applied after its drain failed', 30_000);
    expect(failures).toBe(0);
  });

  it('shows the parked count and the oldest parked age by reason on the metrics registry', async () => {
    const running = await start();
    await sendEnvelopes(publisher, kit.topic, withdrawn(randomUUID()), withdrawn(randomUUID()));
    await until(() => running.counters.parked === 2, 'two messages parked');
    await kit.db.query(`update "${kit.schema}".parked_messages set parked_at = now() - interval '1 hour'`);
    const registry = new Registry();
    registerParkedMetrics(registry, drain);
    const text = await registry.metrics();
    expect(text).toMatch(/motcua_parked_messages\{reason="NOT_YET_KNOWN"\} 2/);
    expect(text).toMatch(/motcua_parked_oldest_age_seconds\{reason="NOT_YET_KNOWN"\} 36\d\d/);
  });
});
