import { ReadinessRegistry } from '@motcua/platform';
import { BrokerStatus } from './broker-monitor';
import { consumerIndicator, ConsumerView } from './consumer-readiness';

describe('a consumer in its service readiness', () => {
  const at = 1_000_000;
  const evaluate = async (consumer: ConsumerView, broker: BrokerStatus) => {
    const readiness = new ReadinessRegistry();
    readiness.register(consumerIndicator('consumer:t', () => consumer, () => broker, 30_000, () => at));
    return readiness.evaluate();
  };
  const longUp: BrokerStatus = { ready: true, upSince: at - 600_000 };

  it('is up while it runs', async () => {
    expect(await evaluate({ ready: true, state: 'running' }, longUp)).toMatchObject({ status: 'ok' });
  });

  it('only degrades while the broker is away: everyone is, alike', async () => {
    expect(await evaluate({ ready: false, state: 'restarting', awaySince: at - 600_000 }, { ready: false })).toEqual({
      status: 'degraded',
      details: { 'consumer:t': { status: 'degraded', detail: 'restarting: waiting for Kafka' } },
    });
  });

  it('only degrades while it may still be rejoining the broker that came back', async () => {
    expect(await evaluate({ ready: false, state: 'starting', awaySince: at - 600_000 }, { ready: true, upSince: at - 29_000 })).toMatchObject({ status: 'degraded' });
  });

  it('only degrades while its own restart may still be under way (a blip, or a broker outage not noticed yet)', async () => {
    expect(await evaluate({ ready: false, state: 'restarting', awaySince: at - 29_000 }, longUp)).toMatchObject({ status: 'degraded' });
  });

  it('takes the instance out of service when it has been away longer while the broker answered', async () => {
    expect(await evaluate({ ready: false, state: 'restarting', awaySince: at - 31_000 }, longUp)).toEqual({
      status: 'error',
      details: { 'consumer:t': { status: 'down', detail: 'restarting while Kafka answers' } },
    });
  });
});
