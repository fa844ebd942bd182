import { Module } from '@nestjs/common';
import { EventLogModule } from '../event-log/event-log.module.js';
import { ProjectionModule } from '../projection/projection.module.js';
import { ReplayController } from './replay.controller.js';
import { RebuildProjectionsUseCase } from './use-cases/rebuild-projections.use-case.js';

@Module({
  imports: [ProjectionModule, EventLogModule],
  controllers: [ReplayController],
  providers: [RebuildProjectionsUseCase],
  exports: [RebuildProjectionsUseCase],
})
export class ReplayModule {}
