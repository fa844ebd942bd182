import { Module, type DynamicModule } from '@nestjs/common';
import { ServiceCoreModule } from '#ikm/service';
import type { Logger } from 'pino';
import { SERVICE_NAME, type MetricsConfig } from './config.js';
import { metricsDataSourceOptions } from './data-source.js';
import { BenefitModule } from './benefit/benefit.module.js';
import { EventLogModule } from './event-log/event-log.module.js';
import { ExperimentModule } from './experiment/experiment.module.js';
import { FunnelModule } from './funnel/funnel.module.js';
import { ReplayModule } from './replay/replay.module.js';

@Module({})
export class AppModule {
  static register(config: MetricsConfig, logger: Logger): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceCoreModule.forRoot({
          serviceName: SERVICE_NAME,
          config,
          logger,
          dataSource: metricsDataSourceOptions(config.DATABASE_URL),
          produces: [],
        }),
        EventLogModule,
        FunnelModule,
        ExperimentModule,
        BenefitModule,
        ReplayModule,
      ],
    };
  }
}
