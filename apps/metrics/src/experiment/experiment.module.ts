import { Module } from '@nestjs/common';
import { ExperimentController } from './experiment.controller.js';
import { ExperimentRepository } from './experiment.repository.js';
import { GetExperimentResultsUseCase } from './use-cases/get-experiment-results.use-case.js';

@Module({
  controllers: [ExperimentController],
  providers: [ExperimentRepository, GetExperimentResultsUseCase],
})
export class ExperimentModule {}
