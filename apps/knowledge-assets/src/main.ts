import 'reflect-metadata';
import { createLogger } from '#ikm/observability';
import { runService } from '#ikm/service';
import { AppModule } from './app.module.js';
import { CONSUMER_GROUP, loadKnowledgeAssetsConfig, SERVICE_NAME } from './config.js';

const config = loadKnowledgeAssetsConfig();
const logger = createLogger(SERVICE_NAME, config.LOG_LEVEL);

await runService({
  serviceName: SERVICE_NAME,
  module: AppModule.register(config, logger),
  config,
  logger,
  // Community membership feeds who reads restricted assets; ideas' and communities' events become drafts.
  consumerGroup: CONSUMER_GROUP,
  openApi: {
    title: 'IKM knowledge assets',
    description: 'The organisation’s repository: knowledge assets with multilingual metadata, versions, a review lifecycle and access levels.',
    version: '1',
  },
});
