import type { RequestSpec } from '../load.js';
import type { Target } from '../targets.js';

export interface BenchContext {
  /** A staff member's token: writes ideas and reads their own drafts. */
  staffToken: string;
  /** An ikmu_admin token: rebuilds the metrics projections. */
  adminToken: string;
  /** Ids of ideas each target created during the write scenario, read back by the read scenario. */
  ideaIds: Record<Target['name'], string[]>;
}

/**
 * A new idea; the x-request-id becomes the event's correlation id, which is how the event scenarios
 * find the events a run produced in the event log.
 */
export function createIdeaRequest(target: Target, token: string, correlationId: string): RequestSpec {
  return {
    method: 'POST',
    path: target.ideasPath,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'x-request-id': correlationId },
    body: JSON.stringify({
      title: `Shared translation memory ${correlationId}`,
      problem: 'Offices translate the same texts again and again.',
      proposal: 'One translation memory for every office, fed by every translation.',
    }),
  };
}
