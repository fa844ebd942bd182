import 'reflect-metadata';
import { createLogger } from '#ikm/observability';
import { runService } from '#ikm/service';
import { AppModule } from './app.module.js';
import { CONSUMER_GROUP, loadIdeasConfig, SERVICE_NAME } from './config.js';

const config = loadIdeasConfig();
const logger = createLogger(SERVICE_NAME, config.LOG_LEVEL);

await runService({
  serviceName: SERVICE_NAME,
  module: AppModule.register(config, logger),
  config,
  logger,
  // Ideas also consumes: knowledge asset events feed its replica for similar-work detection.
  consumerGroup: CONSUMER_GROUP,
  openApi: {
    title: 'IKM ideas',
    description:
      'The innovation lifecycle: challenges, ideas and their teams, review, experiments, adoption and benefits, with engagement and similar-work detection.',
    version: '1',
  },
});
