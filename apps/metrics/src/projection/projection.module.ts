import { Module } from '@nestjs/common';
import { PROJECTIONS } from './projection.js';
import { ALL_PROJECTIONS } from './projections.js';

@Module({
  providers: [{ provide: PROJECTIONS, useValue: ALL_PROJECTIONS }],
  exports: [PROJECTIONS],
})
export class ProjectionModule {}
