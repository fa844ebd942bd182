import 'reflect-metadata';
import { createHttpApp } from '#ikm/http';
import { KAFKA, KafkaInboxServer } from '#ikm/messaging';
import { createLogger } from '#ikm/observability';
import type { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module.js';
import { CONSUMER_GROUP, loadMetricsConfig, SERVICE_NAME } from './config.js';

const config = loadMetricsConfig();
const logger = createLogger(SERVICE_NAME, config.LOG_LEVEL);

const app = await createHttpApp(AppModule.register(config, logger), {
  logger,
  globalPrefix: SERVICE_NAME,
  openApi: {
    title: 'IKM metrics',
    description: 'Results reporting: the innovation funnel, fed by the platform’s events.',
    version: '1',
  },
});
app.connectMicroservice(
  {
    strategy: new KafkaInboxServer({
      kafka: app.get<Kafka>(KAFKA),
      dataSource: app.get(DataSource),
      groupId: CONSUMER_GROUP,
      logger,
    }),
  },
  { inheritAppConfig: false },
);
await app.startAllMicroservices();
await app.listen({ port: config.PORT, host: config.HOST });
logger.info({ port: config.PORT }, 'metrics service listening');
