import { Module } from '@nestjs/common';
import { ProjectionModule } from '../projection/projection.module.js';
import { ReplayController } from './replay.controller.js';
import { RebuildProjectionsUseCase } from './use-cases/rebuild-projections.use-case.js';

@Module({
  imports: [ProjectionModule],
  controllers: [ReplayController],
  providers: [RebuildProjectionsUseCase],
  exports: [RebuildProjectionsUseCase],
})
export class ReplayModule {}
