import { z } from 'zod';
import { defineEvent } from './event-contract.js';

/** Texts keyed by BCP 47 language tag (canonical case: `en`, `fr`, `es-419`). */
const languageTag = z.string().min(2).max(35);

/**
 * A taxonomy concept's whole state after a change, so that another service keeps a replica from these
 * events alone (libs/replica `upsertOn`, guarded by `version`). Only `broader` is carried: narrower is
 * its inverse, which a replica derives, so that moving a concept changes no other concept's state.
 */
const conceptState = {
  conceptId: z.uuid(),
  /** The concept's version after this change: consumers ignore an event at or below the version they hold. */
  version: z.number().int().positive(),
  schemeId: z.uuid(),
  /** At most one preferred label per language (SKOS S14), at least one. */
  prefLabel: z.record(languageTag, z.string().min(1)).refine((labels) => Object.keys(labels).length > 0, 'at least one language'),
  altLabel: z.record(languageTag, z.array(z.string().min(1))),
  definition: z.record(languageTag, z.string().min(1)),
  /** Ids of the concepts it is narrower than; none for a top concept of the scheme. */
  broader: z.array(z.uuid()),
};

/**
 * One type for creation and every change, with the full state: a replica applies both the same way
 * (upsert when newer), and version 1 tells a creation. Concepts are not deleted: subjects of assets,
 * communities and courses refer to them by id.
 */
export const ConceptChangedV1 = defineEvent('ikm.knowledge-assets.concept.changed.v1', z.object({ ...conceptState, changedAt: z.iso.datetime() }));

export const CONCEPT_TOPIC = ConceptChangedV1.topic;
export const TAXONOMY_EVENTS = [ConceptChangedV1] as const;
