import { createServer, Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { Registry } from 'prom-client';
import { until } from '../testing/until';
import { BrokerMonitor } from './broker-monitor';
import { connectKafka } from './kafka-connection';

describe('BrokerMonitor (real Kafka, and a broker that takes connections and never answers)', () => {
  // Probes every 200 ms; only one held for 10 s is a silence, so a machine busy with other suites
  // (a connection that takes half a second) does not end the cluster's time up.
  it('says the cluster answers, and since when', async () => {
    const kafka = connectKafka({ brokers: String(process.env['KAFKA_BROKERS']).split(','), clientId: 'monitor-spec' });
    const admin = kafka.admin.bind(kafka);
    let probes = 0;
    kafka.admin = (config) => (probes++, admin(config));
    const monitor = new BrokerMonitor(kafka, new Registry(), { intervalMs: 200, silenceMs: 10_000 });
    const before = Date.now();
    await monitor.start();
    try {
      expect(monitor.status()).toMatchObject({ ready: true, detail: expect.stringMatching(/broker\(s\)$/) });
      const { upSince } = monitor.status();
      expect(upSince).toBeGreaterThanOrEqual(before);
      await until(() => probes >= 4, 'three more probes');
      expect(monitor.status()).toMatchObject({ ready: true, upSince });
    } finally {
      await monitor.stop();
    }
  });

  it('reports a probe that waits for more than two intervals as no answer, not as the last one', async () => {
    const sockets: Socket[] = [];
    const silent = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const kafka = connectKafka({ brokers: [`127.0.0.1:${(silent.address() as AddressInfo).port}`], clientId: 'monitor-spec-silent' });
    const monitor = new BrokerMonitor(kafka, new Registry(), { intervalMs: 200 });
    const starting = monitor.start();
    try {
      await until(() => sockets.length > 0, 'the probe connected');
      await until(() => monitor.status().ready === false && /^no answer for/.test(String(monitor.status().detail)), 'no answer reported', 5_000);
    } finally {
      for (const socket of sockets) socket.destroy();
      silent.close();
      await starting.catch(() => undefined);
      await monitor.stop();
    }
  });
});
