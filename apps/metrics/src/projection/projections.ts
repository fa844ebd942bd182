import { BENEFIT_PROJECTION } from '../benefit/benefit.projection.js';
import { EXPERIMENT_PROJECTION } from '../experiment/experiment.projection.js';
import { FUNNEL_PROJECTION } from '../funnel/funnel.projection.js';
import { STAGE_VISIT_PROJECTION } from '../funnel/stage-visit.projection.js';
import type { Projection } from './projection.js';

/** Every projection of metrics, applied to each new event and rebuilt together. Add new ones here. */
export const ALL_PROJECTIONS: readonly Projection[] = [FUNNEL_PROJECTION, STAGE_VISIT_PROJECTION, EXPERIMENT_PROJECTION, BENEFIT_PROJECTION];
