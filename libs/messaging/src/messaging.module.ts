import { Inject, Injectable, Module, type DynamicModule, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DatabaseOutage } from '#ikm/persistence';
import type { Kafka } from 'kafkajs';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { createKafkaClient } from './kafka-client.js';
import { KafkaHealth } from './kafka-health.js';
import { OutboxRelay } from './outbox-relay.js';
import { OutboxSignal } from './outbox-signal.js';
import { OutboxWriter } from './outbox-writer.js';

export const KAFKA = Symbol('KAFKA');
const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');

export interface MessagingModuleOptions {
  serviceName: string;
  brokers: string[];
  logger: Logger;
  /** Topics this service publishes to through its outbox; none means the service runs no relay. */
  produces: string[];
  /** How often the relay looks for rows that no commit of this process signalled. */
  relayPollIntervalMs?: number;
}

/** Starts the outbox relay with the application and stops it, draining nothing, on shutdown. */
@Injectable()
class RelayLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  private relay?: OutboxRelay;

  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingModuleOptions,
    @Inject(KAFKA) private readonly kafka: Kafka,
    private readonly dataSource: DataSource,
    private readonly signal: OutboxSignal,
    /** The process's one, given by `runService` (libs/service). */
    private readonly databaseOutage: DatabaseOutage,
  ) {}

  onApplicationBootstrap(): void {
    if (this.options.produces.length === 0) return;
    this.relay = new OutboxRelay({
      dataSource: this.dataSource,
      signal: this.signal,
      kafka: this.kafka,
      logger: this.options.logger.child({ component: 'outbox-relay' }),
      databaseOutage: this.databaseOutage,
      topics: this.options.produces,
      pollIntervalMs: this.options.relayPollIntervalMs,
    });
    this.relay.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.relay?.stop();
  }
}

class KafkaHealthLifecycle extends KafkaHealth implements OnApplicationShutdown {
  async onApplicationShutdown(): Promise<void> {
    await this.close();
  }
}

@Module({})
export class MessagingModule {
  static forRoot(options: MessagingModuleOptions): DynamicModule {
    return {
      module: MessagingModule,
      global: true,
      providers: [
        { provide: MESSAGING_OPTIONS, useValue: options },
        {
          provide: KAFKA,
          useFactory: () =>
            createKafkaClient({ brokers: options.brokers, clientId: options.serviceName, logger: options.logger }),
        },
        { provide: KafkaHealth, useFactory: (kafka: Kafka) => new KafkaHealthLifecycle(kafka), inject: [KAFKA] },
        OutboxSignal,
        OutboxWriter,
        RelayLifecycle,
      ],
      exports: [KAFKA, KafkaHealth, OutboxWriter],
    };
  }
}
