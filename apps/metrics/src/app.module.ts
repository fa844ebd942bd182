import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '#ikm/auth';
import { authOptionsOf } from '#ikm/config';
import { databaseHealth, HEALTH_INDICATORS, HealthModule } from '#ikm/http';
import { KafkaHealth, MessagingModule } from '#ikm/messaging';
import { httpLoggerParams } from '#ikm/observability';
import { serviceDataSourceOptions } from '#ikm/persistence';
import { LoggerModule } from 'nestjs-pino';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { SERVICE_NAME, type MetricsConfig } from './config.js';
import { metricsDataSourceOptions } from './data-source.js';
import { FunnelModule } from './funnel/funnel.module.js';
import { IdeaModule } from './idea/idea.module.js';

@Module({})
export class AppModule {
  static register(config: MetricsConfig, logger: Logger): DynamicModule {
    return {
      module: AppModule,
      imports: [
        LoggerModule.forRoot(httpLoggerParams(SERVICE_NAME, config.LOG_LEVEL)),
        TypeOrmModule.forRoot(serviceDataSourceOptions(metricsDataSourceOptions(config.DATABASE_URL))),
        AuthModule.forRoot(authOptionsOf(config)),
        MessagingModule.forRoot({
          serviceName: SERVICE_NAME,
          brokers: config.KAFKA_BROKERS,
          databaseUrl: config.DATABASE_URL,
          logger,
          produces: [],
        }),
        HealthModule.forRoot({
          provide: HEALTH_INDICATORS,
          useFactory: (dataSource: DataSource, kafka: KafkaHealth) => [databaseHealth(dataSource), kafka],
          inject: [DataSource, KafkaHealth],
        }),
        FunnelModule,
        IdeaModule,
      ],
    };
  }
}
