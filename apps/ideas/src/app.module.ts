import { Module, type DynamicModule } from '@nestjs/common';
import { IDEA_TOPIC } from '#ikm/contracts';
import { ServiceCoreModule } from '#ikm/service';
import type { Logger } from 'pino';
import { SERVICE_NAME, type IdeasConfig } from './config.js';
import { ideasDataSourceOptions } from './data-source.js';
import { IdeaModule } from './idea/idea.module.js';

@Module({})
export class AppModule {
  static register(config: IdeasConfig, logger: Logger): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceCoreModule.forRoot({
          serviceName: SERVICE_NAME,
          config,
          logger,
          dataSource: ideasDataSourceOptions(config.DATABASE_URL),
          produces: [IDEA_TOPIC],
        }),
        IdeaModule,
      ],
    };
  }
}
