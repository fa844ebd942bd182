import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '#ikm/auth';
import { authOptionsOf, type ServiceConfig } from '#ikm/config';
import { databaseHealth, HEALTH_INDICATORS, HealthModule } from '#ikm/http';
import { IdempotencyModule } from '#ikm/idempotency';
import { KafkaHealth, MessagingModule } from '#ikm/messaging';
import { RequestScopedDataSource, serviceDataSourceOptions, type ServiceDataSourceOptions } from '#ikm/persistence';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';

export interface ServiceCoreOptions {
  serviceName: string;
  config: ServiceConfig;
  logger: Logger;
  dataSource: ServiceDataSourceOptions;
  /** Topics the service publishes to through its outbox. */
  produces: string[];
}

/**
 * What every stateful service runs on: its own database, token verification on every
 * route, the outbox relay and Kafka client, `Idempotency-Key` on every write, and health probes for
 * the database and Kafka.
 */
@Module({})
export class ServiceCoreModule {
  static forRoot({ serviceName, config, logger, dataSource, produces }: ServiceCoreOptions): DynamicModule {
    return {
      module: ServiceCoreModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => serviceDataSourceOptions(dataSource),
          // Its transactions join the request's when a write carries an Idempotency-Key.
          dataSourceFactory: async (options) => new RequestScopedDataSource(options!),
        }),
        IdempotencyModule.forRoot(logger),
        AuthModule.forRoot(authOptionsOf(config)),
        MessagingModule.forRoot({
          serviceName,
          brokers: config.KAFKA_BROKERS,
          logger,
          produces,
          relayPollIntervalMs: config.OUTBOX_POLL_INTERVAL_MS,
        }),
        HealthModule.forRoot({
          provide: HEALTH_INDICATORS,
          useFactory: (source: DataSource, kafka: KafkaHealth) => [databaseHealth(source), kafka],
          inject: [DataSource, KafkaHealth],
        }),
      ],
    };
  }
}
