import 'reflect-metadata';
import { createLogger } from '#ikm/observability';
import { runService } from '#ikm/service';
import { AppModule } from './app.module.js';
import { CONSUMER_GROUP, loadMetricsConfig, SERVICE_NAME } from './config.js';

const config = loadMetricsConfig();
const logger = createLogger(SERVICE_NAME, config.LOG_LEVEL);

await runService({
  serviceName: SERVICE_NAME,
  module: AppModule.register(config, logger),
  config,
  logger,
  consumerGroup: CONSUMER_GROUP,
  openApi: {
    title: 'IKM metrics',
    description: 'Results reporting on the innovation lifecycle, fed by the platform’s events: funnel, conversion, time in stage, experiments, benefits.',
    version: '1',
  },
});
