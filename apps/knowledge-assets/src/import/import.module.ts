import { Module, type DynamicModule } from '@nestjs/common';
import { IngestionModule } from '../ingestion/ingestion.module.js';
import { ImportController } from './import.controller.js';
import { IMPORT_SETTINGS, type ImportSettings } from './import.config.js';
import { ImportProcessor } from './import.processor.js';
import { StartImportUseCase } from './use-cases/start-import.use-case.js';

/** Bulk import: a file stored, then ingested by the pipeline as an `import` job. */
@Module({})
export class ImportModule {
  /** `files`: the app's FileModule, registered once (its storage keeps the import files). */
  static register(settings: ImportSettings, files: DynamicModule): DynamicModule {
    return {
      module: ImportModule,
      imports: [IngestionModule, files],
      controllers: [ImportController],
      providers: [{ provide: IMPORT_SETTINGS, useValue: settings }, StartImportUseCase, ImportProcessor],
    };
  }
}
