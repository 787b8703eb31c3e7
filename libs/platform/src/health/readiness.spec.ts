import { Registry } from 'prom-client';
import { ReadinessRegistry } from './readiness';

describe('readiness: which components take a service out of service', () => {
  const registryWith = (database: boolean, kafka: boolean) => {
    const metrics = new Registry();
    const readiness = new ReadinessRegistry(metrics);
    readiness.register({ name: 'database', role: 'required', check: () => ({ ready: database, detail: database ? undefined : 'PostgreSQL does not answer' }) });
    readiness.register({ name: 'kafka', role: 'optional', check: async () => ({ ready: kafka, detail: kafka ? '1 broker(s)' : 'ECONNREFUSED' }) });
    return { readiness, metrics };
  };

  it('is ok when every component is up', async () => {
    expect(await registryWith(true, true).readiness.evaluate()).toEqual({
      status: 'ok',
      details: { database: { status: 'up' }, kafka: { status: 'up', detail: '1 broker(s)' } },
    });
  });

  it('is degraded, not down, when only an optional component (Kafka) is not up', async () => {
    expect(await registryWith(true, false).readiness.evaluate()).toMatchObject({ status: 'degraded', details: { kafka: { status: 'degraded', detail: 'ECONNREFUSED' } } });
  });

  it('is an error when a required component (PostgreSQL) is down, whatever the others say', async () => {
    expect(await registryWith(false, true).readiness.evaluate()).toMatchObject({ status: 'error', details: { database: { status: 'down' } } });
  });

  it('counts a check that throws as not up', async () => {
    const readiness = new ReadinessRegistry();
    readiness.register({ name: 'relay', role: 'optional', check: () => Promise.reject(new Error('lost')) });
    expect(await readiness.evaluate()).toEqual({ status: 'degraded', details: { relay: { status: 'degraded', detail: 'lost' } } });
  });

  it('lets a required component answer as optional while what it waits on is everyone\'s outage', async () => {
    const readiness = new ReadinessRegistry();
    let brokerAway = true;
    readiness.register({ name: 'consumer:t', role: 'required', check: () => ({ ready: false, detail: 'restarting', role: brokerAway ? 'optional' : undefined }) });
    expect(await readiness.evaluate()).toEqual({ status: 'degraded', details: { 'consumer:t': { status: 'degraded', detail: 'restarting' } } });
    brokerAway = false;
    expect(await readiness.evaluate()).toEqual({ status: 'error', details: { 'consumer:t': { status: 'down', detail: 'restarting' } } });
  });

  it('exposes each component as motcua_component_up with its role', async () => {
    const { metrics } = registryWith(true, false);
    const text = await metrics.metrics();
    expect(text).toContain('motcua_component_up{component="database",role="required"} 1');
    expect(text).toContain('motcua_component_up{component="kafka",role="optional"} 0');
  });
});
