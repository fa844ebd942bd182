import type { Idea } from './idea.entity.js';

/** The origin fields (challenge, unit, region) every idea event carries, so reports can break results down by them. */
export function eventOriginOf(idea: Idea): { challengeId: string | null; originUnit: string | null; region: string | null } {
  return { challengeId: idea.challengeId, originUnit: idea.originUnit, region: idea.region };
}
