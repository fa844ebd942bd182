import type { Idea } from './idea.entity.js';

/** Where an idea comes from, carried by its events so reports can break results down by it. */
export function originOf(idea: Idea): { challengeId: string | null; originUnit: string | null; region: string | null } {
  return { challengeId: idea.challengeId, originUnit: idea.originUnit, region: idea.region };
}
