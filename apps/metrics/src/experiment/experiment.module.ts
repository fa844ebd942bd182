import { Module } from '@nestjs/common';
import { ExperimentController } from './experiment.controller.js';
import { GetExperimentResultsUseCase } from './use-cases/get-experiment-results.use-case.js';

@Module({
  controllers: [ExperimentController],
  providers: [GetExperimentResultsUseCase],
})
export class ExperimentModule {}
