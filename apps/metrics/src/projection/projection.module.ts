import { Module } from '@nestjs/common';
import { PROJECTIONS } from './projection.js';
import { ProjectionRepository } from './projection.repository.js';
import { ALL_PROJECTIONS } from './projections.js';

@Module({
  providers: [{ provide: PROJECTIONS, useValue: ALL_PROJECTIONS }, ProjectionRepository],
  exports: [PROJECTIONS, ProjectionRepository],
})
export class ProjectionModule {}
