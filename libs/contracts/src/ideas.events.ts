import { z } from 'zod';
import { defineEvent } from './event-contract.js';

/** Lifecycle states of an idea, in the order of the innovation funnel. */
export const IDEA_STATUSES = [
  'draft',
  'submitted',
  'in_review',
  'accepted',
  'in_experiment',
  'adopted',
  'scaled',
  'not_pursued',
  'withdrawn',
  'archived',
] as const;
export const IdeaStatusSchema = z.enum(IDEA_STATUSES);
export type IdeaStatus = z.infer<typeof IdeaStatusSchema>;

const ideaRef = {
  ideaId: z.uuid(),
  /** Aggregate version after this change: consumers use it to ignore stale or replayed events. */
  version: z.number().int().positive(),
};

export const IdeaCreatedV1 = defineEvent(
  'ikm.ideas.idea.created.v1',
  z.object({
    ...ideaRef,
    title: z.string(),
    problem: z.string(),
    proposal: z.string(),
    themes: z.array(z.string()),
    authorId: z.string().min(1),
    status: z.literal('draft'),
    createdAt: z.iso.datetime(),
  }),
);

export const IdeaUpdatedV1 = defineEvent(
  'ikm.ideas.idea.updated.v1',
  z.object({
    ...ideaRef,
    changes: z
      .object({
        title: z.string(),
        problem: z.string(),
        proposal: z.string(),
        themes: z.array(z.string()),
      })
      .partial(),
    updatedAt: z.iso.datetime(),
  }),
);

export const IdeaSubmittedV1 = defineEvent(
  'ikm.ideas.idea.submitted.v1',
  z.object({
    ...ideaRef,
    status: z.literal('submitted'),
    authorId: z.string().min(1),
    submittedAt: z.iso.datetime(),
  }),
);

export const IDEA_TOPIC = IdeaCreatedV1.topic;
export const IDEA_EVENTS = [IdeaCreatedV1, IdeaUpdatedV1, IdeaSubmittedV1] as const;
