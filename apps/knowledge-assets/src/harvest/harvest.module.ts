import { Module } from '@nestjs/common';
import { IngestionModule } from '../ingestion/ingestion.module.js';
import { GetIngestionJobUseCase } from '../ingestion/use-cases/get-ingestion-job.use-case.js';
import { HarvestController } from './harvest.controller.js';
import { HarvestProcessor } from './harvest.processor.js';
import { HarvestSourceRepository } from './harvest-source.repository.js';
import { CreateHarvestSourceUseCase } from './use-cases/create-harvest-source.use-case.js';
import { DeleteHarvestSourceUseCase } from './use-cases/delete-harvest-source.use-case.js';
import { GetHarvestSourcesUseCase } from './use-cases/get-harvest-sources.use-case.js';
import { StartHarvestUseCase } from './use-cases/start-harvest.use-case.js';
import { UpdateHarvestSourceUseCase } from './use-cases/update-harvest-source.use-case.js';

/** The OAI-PMH harvester: sources, and harvests run as ingestion jobs through the shared pipeline. */
@Module({
  imports: [IngestionModule],
  controllers: [HarvestController],
  providers: [HarvestSourceRepository, HarvestProcessor, CreateHarvestSourceUseCase, UpdateHarvestSourceUseCase, DeleteHarvestSourceUseCase, GetHarvestSourcesUseCase, StartHarvestUseCase, GetIngestionJobUseCase],
})
export class HarvestModule {}
