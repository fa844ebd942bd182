import { Module, type DynamicModule } from '@nestjs/common';
import { ServiceCoreModule } from '#ikm/service';
import type { Logger } from 'pino';
import { AssetModule } from './asset/asset.module.js';
import { CaptureModule } from './capture/capture.module.js';
import { CommunityModule } from './community/community.module.js';
import { PRODUCED_TOPICS, SERVICE_NAME, type KnowledgeAssetsConfig } from './config.js';
import { knowledgeAssetsDataSourceOptions } from './data-source.js';
import { DublinCoreModule } from './dublin-core/dublin-core.module.js';
import { FileModule } from './file/file.module.js';
import { HarvestModule } from './harvest/harvest.module.js';
import { ImportModule } from './import/import.module.js';
import { IngestionModule } from './ingestion/ingestion.module.js';
import { OaiPmhModule } from './oai-pmh/oai-pmh.module.js';
import { ForesightModule } from './foresight/foresight.module.js';
import { SearchModule } from './search/search.module.js';
import { ReviewSettingsModule } from './review/review-settings.module.js';
import { ReviewModule } from './review/review.module.js';
import { TaxonomyModule } from './taxonomy/taxonomy.module.js';
import { UsageRecordingModule } from './usage/usage-recording.module.js';
import { UsageModule } from './usage/usage.module.js';

@Module({})
export class AppModule {
  static register(config: KnowledgeAssetsConfig, logger: Logger): DynamicModule {
    const files = FileModule.register(config);
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
        files,
        TaxonomyModule,
        CommunityModule,
        CaptureModule,
        SearchModule,
        IngestionModule,
        ImportModule.register(config, files),
        OaiPmhModule.register(config),
        DublinCoreModule.register(config),
        HarvestModule,
        UsageRecordingModule.register(config),
        ReviewSettingsModule.register(config),
        UsageModule,
        ReviewModule,
        ForesightModule,
      ],
    };
  }
}
