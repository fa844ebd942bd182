import 'reflect-metadata';
import { createHttpApp } from '#ikm/http';
import { KAFKA, KafkaInboxServer } from '#ikm/messaging';
import { createLogger } from '#ikm/observability';
import type { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module.js';
import { CONSUMER_GROUP, loadIdeasConfig, SERVICE_NAME } from './config.js';

const config = loadIdeasConfig();
const logger = createLogger(SERVICE_NAME, config.LOG_LEVEL);

const app = await createHttpApp(AppModule.register(config, logger), {
  logger,
  globalPrefix: SERVICE_NAME,
  openApi: {
    title: 'IKM ideas',
    description:
      'The innovation lifecycle: challenges, ideas and their teams, review, experiments, adoption and benefits, with engagement and similar-work detection.',
    version: '1',
  },
});
// Ideas also consumes: knowledge asset events feed its replica for similar-work detection.
app.connectMicroservice(
  { strategy: new KafkaInboxServer({ kafka: app.get<Kafka>(KAFKA), dataSource: app.get(DataSource), groupId: CONSUMER_GROUP, logger }) },
  { inheritAppConfig: false },
);
await app.startAllMicroservices();
await app.listen({ port: config.PORT, host: config.HOST });
logger.info({ port: config.PORT }, 'ideas service listening');
