import { startKafka } from './kafka';
import { startPostgres } from './postgres';

export interface Infrastructure {
  databaseUrl: string;
  kafkaBrokers: string[];
  describe(): string;
  stop(): Promise<void>;
}

/** PostgreSQL and Kafka side by side: whatever the environment names, else local servers. */
export async function provisionInfrastructure(
  options: { persistent: boolean; durability?: 'full' | 'relaxed'; log?: (line: string) => void },
): Promise<Infrastructure> {
  const [postgres, kafka] = await Promise.allSettled([startPostgres(options), startKafka(options)]);
  if (postgres.status === 'rejected' || kafka.status === 'rejected') {
    if (postgres.status === 'fulfilled') await postgres.value.stop();
    if (kafka.status === 'fulfilled') await kafka.value.stop();
    throw postgres.status === 'rejected' ? postgres.reason : (kafka as PromiseRejectedResult).reason;
  }
  return {
    databaseUrl: postgres.value.url,
    kafkaBrokers: kafka.value.brokers,
    describe: () =>
      `PostgreSQL (${postgres.value.origin}) ${redactPassword(postgres.value.url)}; Kafka (${kafka.value.origin}) ${kafka.value.brokers.join(',')}`,
    stop: async () => {
      await Promise.allSettled([kafka.value.stop(), postgres.value.stop()]);
    },
  };
}

function redactPassword(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}
