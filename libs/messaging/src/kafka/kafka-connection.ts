import { Kafka, logLevel, LogEntry } from 'kafkajs';
import { Logger, silentLogger } from '../logger';

export interface KafkaSettings {
  brokers: string[];
  clientId: string;
  logger?: Logger;
}

/** kafkajs stays behind this lib's interface: the rest of the code base never imports it. */
export function connectKafka(settings: KafkaSettings): Kafka {
  const logger = settings.logger ?? silentLogger;
  return new Kafka({
    clientId: settings.clientId,
    brokers: settings.brokers,
    connectionTimeout: 5_000,
    retry: { initialRetryTime: 200, retries: 8 },
    logLevel: logLevel.WARN,
    logCreator: () => (entry: LogEntry) => {
      const { message, ...rest } = entry.log;
      const fields = { kafka: entry.namespace, ...rest };
      if (entry.level <= logLevel.ERROR) logger.error(fields, message);
      else if (entry.level === logLevel.WARN) logger.warn(fields, message);
      else logger.debug(fields, message);
    },
  });
}
