import type { AuthenticatedUser } from '#ikm/auth';
import type { Idea } from '../idea/idea.entity.js';
import { ExperimentError } from './experiment.errors.js';

/** An idea's team runs its experiments, and IKMU administrators may. */
export function assertMayRunExperiments(idea: Idea, user: AuthenticatedUser): void {
  if (!idea.isOnTeam(user.sub) && !user.roles.includes('ikmu_admin')) throw ExperimentError.notAllowed();
}
