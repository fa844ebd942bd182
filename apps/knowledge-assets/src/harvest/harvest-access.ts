import type { AuthenticatedUser } from '#ikm/auth';
import { HarvestError } from './harvest.errors.js';

/** A km_officer manages and runs the sources of their own unit (the pipeline publishes under it); an ikmu_admin any. */
export function assertMayHarvestInto(user: AuthenticatedUser, publishingUnit: string): void {
  if (user.roles.includes('ikmu_admin')) return;
  if (user.roles.includes('km_officer') && user.unit === publishingUnit) return;
  throw HarvestError.notYourUnit(publishingUnit);
}
