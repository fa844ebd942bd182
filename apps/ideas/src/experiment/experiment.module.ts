import { Module } from '@nestjs/common';
import { IdeaModule } from '../idea/idea.module.js';
import { ExperimentController } from './experiment.controller.js';
import { RunExperimentUseCase } from './use-cases/run-experiment.use-case.js';

@Module({
  imports: [IdeaModule],
  controllers: [ExperimentController],
  providers: [RunExperimentUseCase],
})
export class ExperimentModule {}
