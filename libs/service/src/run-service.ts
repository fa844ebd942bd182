import { Module, type DynamicModule } from '@nestjs/common';
import type { ServiceConfig } from '#ikm/config';
import { createHttpApp, ProxyTrust, type OpenApiInfo } from '#ikm/http';
import { KAFKA, KafkaInboxServer } from '#ikm/messaging';
import { DatabaseOutage } from '#ikm/persistence';
import type { Kafka } from 'kafkajs';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';

export interface RunServiceOptions {
  serviceName: string;
  module: DynamicModule;
  config: ServiceConfig;
  logger: Logger;
  openApi: OpenApiInfo;
  /** The consumer group of the service's `@EventPattern` handlers; none when it consumes nothing. */
  consumerGroup?: string;
}

/** Offers the process's one DatabaseOutage to every module of the service (its outbox relay). */
@Module({})
class DatabaseOutageModule {
  static of(databaseOutage: DatabaseOutage): DynamicModule {
    return { module: DatabaseOutageModule, global: true, providers: [{ provide: DatabaseOutage, useValue: databaseOutage }], exports: [DatabaseOutage] };
  }
}

/** The service's module, with what runService shares with it. */
@Module({})
class ServiceRootModule {}

/** Starts a stateful service: its HTTP API under its name and, when it consumes, its inbox consumer. */
export async function runService(options: RunServiceOptions): Promise<void> {
  const { serviceName, config, logger } = options;
  // One per process: requests, consumed events and the outbox relay refused while the database is down
  // share one episode.
  const databaseOutage = new DatabaseOutage({ databaseUrl: config.DATABASE_URL, logger });
  const root: DynamicModule = { module: ServiceRootModule, imports: [DatabaseOutageModule.of(databaseOutage), options.module] };
  const app = await createHttpApp(root, {
    logger,
    globalPrefix: serviceName,
    openApi: options.openApi,
    // The gateway, whose X-Forwarded-For and X-Forwarded-Prefix then give logs the caller's address
    // and problems the path the caller used.
    proxyTrust: new ProxyTrust(config.TRUSTED_PROXIES),
    databaseOutage,
  });
  if (options.consumerGroup) {
    app.connectMicroservice(
      {
        strategy: new KafkaInboxServer({
          kafka: app.get<Kafka>(KAFKA),
          dataSource: app.get(DataSource),
          groupId: options.consumerGroup,
          logger,
          databaseOutage,
        }),
      },
      { inheritAppConfig: false },
    );
    await app.startAllMicroservices();
  }
  await app.listen({ port: config.PORT, host: config.HOST });
  logger.info({ port: config.PORT }, `${serviceName} service listening`);
}
