import { Module, type DynamicModule } from '@nestjs/common';
import { AssetModule } from '../asset/asset.module.js';
import { TaxonomyModule } from '../taxonomy/taxonomy.module.js';
import { DublinCoreController } from './dublin-core.controller.js';
import { GetDublinCoreUseCase, PUBLIC_BASE_URL } from './use-cases/get-dublin-core.use-case.js';

/** An asset's Dublin Core export (JSON and oai_dc XML). */
@Module({})
export class DublinCoreModule {
  static register(settings: { PUBLIC_BASE_URL: string }): DynamicModule {
    return {
      module: DublinCoreModule,
      imports: [AssetModule, TaxonomyModule],
      controllers: [DublinCoreController],
      providers: [{ provide: PUBLIC_BASE_URL, useValue: settings.PUBLIC_BASE_URL }, GetDublinCoreUseCase],
    };
  }
}
