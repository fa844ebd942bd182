import type { ConceptChangedV1, EventData } from '#ikm/contracts';
import type { Concept } from './concept.entity.js';

/** The concept's whole state as its `concept.changed` event carries it, after a creation or a change. */
export function conceptChanged(concept: Concept): EventData<typeof ConceptChangedV1> {
  return {
    conceptId: concept.id,
    version: concept.version,
    schemeId: concept.schemeId,
    prefLabel: concept.prefLabel,
    altLabel: concept.altLabel,
    definition: concept.definition,
    broader: concept.broader,
    changedAt: concept.updatedAt.toISOString(),
  };
}
