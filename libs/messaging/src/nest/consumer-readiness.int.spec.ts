import { randomBytes } from 'node:crypto';
import { Injectable, Module } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createServiceApp, PlatformModule } from '@motcua/platform';
import { until } from '../testing/until';
import { IntegrationEventHandler } from './messaging.options';
import { MessagingModule } from './messaging.module';
import { MessagingRuntime } from './messaging.runtime';

const service = `svc_${randomBytes(4).toString('hex')}`;
const topic = `test.${service}.events.v1`;

@Injectable()
class IgnoreEverything implements IntegrationEventHandler {
  readonly handles = ['DossierWithdrawn'] as const;
  async handle(): Promise<void> {
    // The consumer's presence in its group is what this spec watches, not its effects.
  }
}

@Module({
  imports: [
    PlatformModule.forRoot({ service }),
    // No grace: the broker has answered since start, so a consumer away is this instance's fault at once.
    MessagingModule.forRoot({ service, consumes: [{ topic, handler: IgnoreEverything }], partitions: 1, consumerGraceMs: 0 }),
  ],
  providers: [IgnoreEverything],
})
class OneConsumerModule {}

interface Health {
  status: number;
  body: { status: string; details: Record<string, { status: string; detail?: string }> };
}

/**
 * A broker away is everyone's outage and only degrades (the event store is the outbox); a consumer
 * of this instance that left its group while the broker answers is this instance's fault: not
 * ready, so the load balancer (and the operator's alert) sees it, until the consumer is back.
 */
describe('readiness while one of the service own consumers is away (real PostgreSQL and Kafka)', () => {
  let app: NestFastifyApplication;
  let origin: string;
  const health = async (): Promise<Health> => {
    const response = await fetch(`${origin}/health/ready`);
    return { status: response.status, body: (await response.json()) as Health['body'] };
  };
  const seen: Health[] = [];
  const healthUntil = async (accept: (h: Health) => boolean, what: string) => {
    await until(async () => {
      const h = await health();
      seen.push(h);
      return accept(h);
    }, what);
    return seen[seen.length - 1];
  };

  beforeAll(async () => {
    process.env['JWT_SECRET'] ??= 'consumer-readiness-test-secret-0123456789';
    app = await createServiceApp(OneConsumerModule, { service, defaultPort: 0 });
    await app.listen(0, '127.0.0.1');
    origin = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  });
  afterAll(() => app.close());

  it('answers 503 naming the consumer while it is disconnected, and 200 once it has rejoined by itself', async () => {
    await healthUntil((h) => h.status === 200 && h.body.status === 'ok', 'every component up');
    const kafkaConsumer = app.get(MessagingRuntime).consumer(topic)?.kafkaConsumer;
    expect(kafkaConsumer).toBeDefined();

    await kafkaConsumer?.disconnect();
    const away = await healthUntil((h) => h.status === 503, 'not ready while the consumer is away');
    expect(away.body).toMatchObject({ status: 'error', details: { database: { status: 'up' }, kafka: { status: 'up' }, [`consumer:${topic}`]: { status: 'down' } } });

    const back = await healthUntil((h) => h.status === 200, 'ready again once the consumer rejoined');
    expect(back.body).toMatchObject({ status: 'ok', details: { [`consumer:${topic}`]: { status: 'up' } } });
    expect(app.get(MessagingRuntime).consumer(topic)?.kafkaConsumer).not.toBe(kafkaConsumer);
  });
});
