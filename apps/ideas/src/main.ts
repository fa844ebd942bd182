import 'reflect-metadata';
import { createHttpApp } from '#ikm/http';
import { createLogger } from '#ikm/observability';
import { AppModule } from './app.module.js';
import { loadIdeasConfig, SERVICE_NAME } from './config.js';

const config = loadIdeasConfig();
const logger = createLogger(SERVICE_NAME, config.LOG_LEVEL);

const app = await createHttpApp(AppModule.register(config, logger), {
  logger,
  globalPrefix: SERVICE_NAME,
  openApi: {
    title: 'IKM ideas',
    description: 'Ideas from draft to submission: create, edit your drafts, submit, read and list.',
    version: '1',
  },
});
await app.listen({ port: config.PORT, host: config.HOST });
logger.info({ port: config.PORT }, 'ideas service listening');
