import { Module } from '@nestjs/common';
import { IdeaModule } from '../idea/idea.module.js';
import { ExperimentController } from './experiment.controller.js';
import { ExperimentRepository } from './experiment.repository.js';
import { ConcludeExperimentUseCase } from './use-cases/conclude-experiment.use-case.js';
import { ListExperimentsUseCase } from './use-cases/list-experiments.use-case.js';
import { StartExperimentUseCase } from './use-cases/start-experiment.use-case.js';

@Module({
  imports: [IdeaModule],
  controllers: [ExperimentController],
  providers: [ExperimentRepository, ListExperimentsUseCase, StartExperimentUseCase, ConcludeExperimentUseCase],
})
export class ExperimentModule {}
