import { DynamicModule, Module } from '@nestjs/common';
import { PgDatabase, PgEventStore } from '@motcua/event-store';
import { CONFIG, ConfigurationError, DATABASE, ServiceConfig } from '@motcua/platform';
import { connectKafka } from '../kafka/kafka-connection';
import { CorrelatedEventStore } from '../relay/correlated-event-store';
import { PublishCheckedEventStore } from '../relay/publish-checked-event-store';
import { EVENT_STORE, KAFKA, MESSAGING_OPTIONS, MessagingOptions } from './messaging.options';
import { DeadLettersController } from './dead-letters.controller';
import { MessagingRuntime } from './messaging.runtime';

/**
 * Wires a service to its event log and to Kafka. Import once, next to PlatformModule; inject
 * EVENT_STORE to append, and list the handlers of consumed topics as providers of the service.
 */
@Module({})
export class MessagingModule {
  static forRoot(options: MessagingOptions): DynamicModule {
    return {
      module: MessagingModule,
      global: true,
      // A service that consumes answers for its dead letters and parked messages (operators' routes).
      controllers: options.consumes?.length ? [DeadLettersController] : [],
      providers: [
        { provide: MESSAGING_OPTIONS, useValue: options },
        {
          provide: KAFKA,
          inject: [CONFIG],
          useFactory: (config: ServiceConfig) => {
            if (!config.KAFKA_BROKERS) throw new ConfigurationError(['KAFKA_BROKERS must be set (comma-separated host:port)']);
            return connectKafka({ brokers: config.KAFKA_BROKERS.split(','), clientId: options.service });
          },
        },
        {
          provide: EVENT_STORE,
          inject: [DATABASE],
          // Stamped first, so the publish check sees the correlation the relay will send.
          useFactory: (db: PgDatabase) =>
            new CorrelatedEventStore(
              new PublishCheckedEventStore(new PgEventStore(db, options.service), `motcua/${options.service}`, options.translate, { registry: options.storedEvents }),
            ),
        },
        MessagingRuntime,
      ],
      exports: [EVENT_STORE, KAFKA],
    };
  }
}
