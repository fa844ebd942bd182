import { Module, type DynamicModule } from '@nestjs/common';
import { ServiceCoreModule } from '#ikm/service';
import type { Logger } from 'pino';
import { AssetModule } from './asset/asset.module.js';
import { CaptureModule } from './capture/capture.module.js';
import { CommunityModule } from './community/community.module.js';
import { PRODUCED_TOPICS, SERVICE_NAME, type KnowledgeAssetsConfig } from './config.js';
import { knowledgeAssetsDataSourceOptions } from './data-source.js';
import { FileModule } from './file/file.module.js';
import { ForesightModule } from './foresight/foresight.module.js';
import { SearchModule } from './search/search.module.js';
import { TaxonomyModule } from './taxonomy/taxonomy.module.js';

@Module({})
export class AppModule {
  static register(config: KnowledgeAssetsConfig, logger: Logger): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceCoreModule.forRoot({
          serviceName: SERVICE_NAME,
          config,
          logger,
          dataSource: knowledgeAssetsDataSourceOptions(config.DATABASE_URL),
          produces: PRODUCED_TOPICS,
        }),
        AssetModule,
        FileModule.register(config),
        TaxonomyModule,
        CommunityModule,
        CaptureModule,
        SearchModule,
        ForesightModule,
      ],
    };
  }
}
