import { Module } from '@nestjs/common';
import { BenefitProjection } from '../benefit/benefit.projection.js';
import { ExperimentProjection } from '../experiment/experiment.projection.js';
import { FunnelProjection } from '../funnel/funnel.projection.js';
import { StageVisitProjection } from '../funnel/stage-visit.projection.js';
import { PROJECTIONS, type Projection } from './projection.js';

/** Every projection of metrics, applied to each new event and rebuilt together. Add new ones here. */
const PROJECTION_CLASSES = [FunnelProjection, StageVisitProjection, ExperimentProjection, BenefitProjection];

@Module({
  providers: [
    ...PROJECTION_CLASSES,
    {
      provide: PROJECTIONS,
      useFactory: (...projections: Projection[]) => projections,
      inject: PROJECTION_CLASSES,
    },
  ],
  exports: [PROJECTIONS],
})
export class ProjectionModule {}
