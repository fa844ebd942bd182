import { Module, type DynamicModule } from '@nestjs/common';
import { AssetModule } from '../asset/asset.module.js';
import { TaxonomyModule } from '../taxonomy/taxonomy.module.js';
import { OaiItemRepository } from './oai-item.repository.js';
import type { OaiPmhSettings } from './oai-pmh.config.js';
import { OaiPmhController } from './oai-pmh.controller.js';
import { OAI_PMH_SETTINGS, OaiPmhProvider } from './oai-pmh.provider.js';
import { DescribeOaiRepositoryUseCase } from './use-cases/describe-oai-repository.use-case.js';
import { GetOaiItemUseCase } from './use-cases/get-oai-item.use-case.js';
import { ListOaiItemsUseCase } from './use-cases/list-oai-items.use-case.js';

/** The OAI-PMH 2.0 data provider over the public assets. */
@Module({})
export class OaiPmhModule {
  static register(settings: OaiPmhSettings): DynamicModule {
    return {
      module: OaiPmhModule,
      imports: [AssetModule, TaxonomyModule],
      controllers: [OaiPmhController],
      providers: [{ provide: OAI_PMH_SETTINGS, useValue: settings }, OaiItemRepository, ListOaiItemsUseCase, GetOaiItemUseCase, DescribeOaiRepositoryUseCase, OaiPmhProvider],
      exports: [OAI_PMH_SETTINGS],
    };
  }
}
