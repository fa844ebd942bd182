import { Module, type DynamicModule } from '@nestjs/common';
import { ServiceCoreModule } from '#ikm/service';
import type { Logger } from 'pino';
import { BenefitModule } from './benefit/benefit.module.js';
import { ChallengeModule } from './challenge/challenge.module.js';
import { CommentModule } from './comment/comment.module.js';
import { PRODUCED_TOPICS, SERVICE_NAME, type IdeasConfig } from './config.js';
import { ideasDataSourceOptions } from './data-source.js';
import { EngagementModule } from './engagement/engagement.module.js';
import { ExperimentModule } from './experiment/experiment.module.js';
import { IdeaModule } from './idea/idea.module.js';
import { KnowledgeAssetModule } from './knowledge-asset/knowledge-asset.module.js';
import { ReviewModule } from './review/review.module.js';

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
          produces: PRODUCED_TOPICS,
        }),
        // Static routes (/ideas/challenges) are matched before /ideas/:id whatever the order here.
        ChallengeModule,
        IdeaModule,
        EngagementModule,
        CommentModule,
        ReviewModule,
        ExperimentModule,
        BenefitModule,
        KnowledgeAssetModule,
      ],
    };
  }
}
