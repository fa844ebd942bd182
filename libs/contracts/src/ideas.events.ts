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

export const EXPERIMENT_OUTCOMES = ['validated', 'invalidated', 'inconclusive'] as const;
export type ExperimentOutcome = (typeof EXPERIMENT_OUTCOMES)[number];

const timestamp = z.iso.datetime();
const day = z.iso.date();

const ideaRef = {
  ideaId: z.uuid(),
  /** Aggregate version after this change: consumers use it to ignore stale or replayed events. */
  version: z.number().int().positive(),
};

/** Where an idea comes from, for reporting by challenge, unit and region. */
const ideaOrigin = {
  challengeId: z.uuid().nullable().optional(),
  originUnit: z.string().nullable().optional(),
  region: z.string().nullable().optional(),
};

const expectedBenefits = z.object({
  description: z.string(),
  annualSavingsUsd: z.number().nonnegative().nullable(),
  staffHours: z.number().nonnegative().nullable(),
});

// ── ikm.ideas.idea ────────────────────────────────────────────────────────────────────────────────

export const IdeaCreatedV1 = defineEvent(
  'ikm.ideas.idea.created.v1',
  z.object({
    ...ideaRef,
    ...ideaOrigin,
    title: z.string(),
    problem: z.string(),
    proposal: z.string(),
    themes: z.array(z.string()),
    expectedBenefits: expectedBenefits.nullable().optional(),
    knowledgeAssetIds: z.array(z.string()).optional(),
    authorId: z.string().min(1),
    status: z.literal('draft'),
    createdAt: timestamp,
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
        challengeId: z.uuid().nullable(),
        expectedBenefits: expectedBenefits.nullable(),
        knowledgeAssetIds: z.array(z.string()),
      })
      .partial(),
    updatedAt: timestamp,
  }),
);

export const IdeaSubmittedV1 = defineEvent(
  'ikm.ideas.idea.submitted.v1',
  z.object({
    ...ideaRef,
    ...ideaOrigin,
    status: z.literal('submitted'),
    authorId: z.string().min(1),
    submittedAt: timestamp,
    /** Near-duplicate ideas and related knowledge assets found at submission (never blocking). */
    similarWork: z.array(z.object({ kind: z.enum(['idea', 'knowledge_asset']), id: z.string(), score: z.number() })).optional(),
  }),
);

/** Every lifecycle transition after submission, with who made it and why. */
export const IdeaStatusChangedV1 = defineEvent(
  'ikm.ideas.idea.status-changed.v1',
  z.object({
    ...ideaRef,
    ...ideaOrigin,
    from: IdeaStatusSchema,
    to: IdeaStatusSchema,
    actorId: z.string().min(1),
    reason: z.string().nullable(),
    changedAt: timestamp,
  }),
);

/** Adoption, for the services that recognise the team (badges, announcements). */
export const IdeaAdoptedV1 = defineEvent(
  'ikm.ideas.idea.adopted.v1',
  z.object({
    ...ideaRef,
    ...ideaOrigin,
    title: z.string(),
    team: z.array(z.string().min(1)).min(1),
    themes: z.array(z.string()),
    // Added for the good practice knowledge-assets drafts from it: optional, so records written before still validate.
    problem: z.string().optional(),
    proposal: z.string().optional(),
    adoptedAt: timestamp,
  }),
);

export const IdeaCoauthorInvitedV1 = defineEvent(
  'ikm.ideas.idea.coauthor-invited.v1',
  z.object({ ...ideaRef, userId: z.string().min(1), invitedBy: z.string().min(1), invitedAt: timestamp }),
);

export const IdeaCoauthorJoinedV1 = defineEvent(
  'ikm.ideas.idea.coauthor-joined.v1',
  z.object({ ...ideaRef, userId: z.string().min(1), joinedAt: timestamp }),
);

/** Endorsements do not change the idea's version (they never conflict with an edit). */
export const IdeaEndorsedV1 = defineEvent(
  'ikm.ideas.idea.endorsed.v1',
  z.object({ ideaId: z.uuid(), userId: z.string().min(1), endorsements: z.number().int().nonnegative(), endorsedAt: timestamp }),
);

export const IdeaEndorsementWithdrawnV1 = defineEvent(
  'ikm.ideas.idea.endorsement-withdrawn.v1',
  z.object({ ideaId: z.uuid(), userId: z.string().min(1), endorsements: z.number().int().nonnegative(), withdrawnAt: timestamp }),
);

export const IdeaReviewerAssignedV1 = defineEvent(
  'ikm.ideas.idea.reviewer-assigned.v1',
  z.object({ ideaId: z.uuid(), reviewerId: z.string().min(1), assignedBy: z.string().min(1), assignedAt: timestamp }),
);

export const IdeaScorecardSubmittedV1 = defineEvent(
  'ikm.ideas.idea.scorecard-submitted.v1',
  z.object({
    ideaId: z.uuid(),
    reviewerId: z.string().min(1),
    scores: z.array(z.object({ criterion: z.string(), score: z.number().int().min(1).max(5), weight: z.number().positive() })),
    weightedScore: z.number().min(1).max(5),
    submittedAt: timestamp,
  }),
);

/** Every assigned reviewer has scored: the idea's weighted score is final. */
export const IdeaReviewCompletedV1 = defineEvent(
  'ikm.ideas.idea.review-completed.v1',
  z.object({ ideaId: z.uuid(), reviewers: z.array(z.string()), weightedScore: z.number().min(1).max(5), completedAt: timestamp }),
);

export const IdeaBenefitRecordedV1 = defineEvent(
  'ikm.ideas.idea.benefit-recorded.v1',
  z.object({
    ideaId: z.uuid(),
    benefitId: z.uuid(),
    ...ideaOrigin,
    periodStart: day,
    periodEnd: day,
    usdSaved: z.number().nonnegative(),
    staffHoursSaved: z.number().nonnegative(),
    beneficiaries: z.number().int().nonnegative(),
    recordedBy: z.string().min(1),
    recordedAt: timestamp,
  }),
);

// ── ikm.ideas.challenge ───────────────────────────────────────────────────────────────────────────

const criterion = z.object({ key: z.string(), name: z.string(), weight: z.number().positive() });

export const ChallengeCreatedV1 = defineEvent(
  'ikm.ideas.challenge.created.v1',
  z.object({
    challengeId: z.uuid(),
    version: z.number().int().positive(),
    title: z.string(),
    description: z.string(),
    sponsorId: z.string().min(1),
    sponsorUnit: z.string().nullable(),
    opensAt: timestamp,
    closesAt: timestamp,
    themes: z.array(z.string()),
    criteria: z.array(criterion).min(1),
    createdAt: timestamp,
  }),
);

export const ChallengeUpdatedV1 = defineEvent(
  'ikm.ideas.challenge.updated.v1',
  z.object({
    challengeId: z.uuid(),
    version: z.number().int().positive(),
    changes: z
      .object({
        title: z.string(),
        description: z.string(),
        opensAt: timestamp,
        closesAt: timestamp,
        themes: z.array(z.string()),
        criteria: z.array(criterion).min(1),
      })
      .partial(),
    updatedAt: timestamp,
  }),
);

// ── ikm.ideas.experiment ──────────────────────────────────────────────────────────────────────────

export const ExperimentStartedV1 = defineEvent(
  'ikm.ideas.experiment.started.v1',
  z.object({
    experimentId: z.uuid(),
    ideaId: z.uuid(),
    ...ideaOrigin,
    hypothesis: z.string(),
    successMeasure: z.string(),
    startsOn: day,
    endsOn: day,
    budgetUsd: z.number().nonnegative(),
    startedAt: timestamp,
  }),
);

/** An invalidated experiment with lessons is a learning result, never a penalty. */
export const ExperimentConcludedV1 = defineEvent(
  'ikm.ideas.experiment.concluded.v1',
  z.object({
    experimentId: z.uuid(),
    ideaId: z.uuid(),
    ...ideaOrigin,
    outcome: z.enum(EXPERIMENT_OUTCOMES),
    lessons: z.string().nullable(),
    learningResult: z.boolean(),
    // Added for the lesson learned knowledge-assets drafts from it (its title, what was tested, who
    // owns the lesson): optional, so records written before still validate.
    ideaTitle: z.string().optional(),
    hypothesis: z.string().optional(),
    /** The idea's team when the experiment concluded. */
    team: z.array(z.string().min(1)).optional(),
    concludedAt: timestamp,
  }),
);

// ── ikm.ideas.comment ─────────────────────────────────────────────────────────────────────────────

export const CommentPostedV1 = defineEvent(
  'ikm.ideas.comment.posted.v1',
  z.object({ commentId: z.uuid(), ideaId: z.uuid(), authorId: z.string().min(1), postedAt: timestamp }),
);

export const CommentHiddenV1 = defineEvent(
  'ikm.ideas.comment.hidden.v1',
  z.object({ commentId: z.uuid(), ideaId: z.uuid(), moderatorId: z.string().min(1), reason: z.string(), hiddenAt: timestamp }),
);

export const CommentDeletedV1 = defineEvent(
  'ikm.ideas.comment.deleted.v1',
  z.object({ commentId: z.uuid(), ideaId: z.uuid(), deletedAt: timestamp }),
);

export const IDEA_TOPIC = IdeaCreatedV1.topic;
export const CHALLENGE_TOPIC = ChallengeCreatedV1.topic;
export const EXPERIMENT_TOPIC = ExperimentStartedV1.topic;
export const COMMENT_TOPIC = CommentPostedV1.topic;

export const IDEAS_SERVICE_EVENTS = [
  IdeaCreatedV1,
  IdeaUpdatedV1,
  IdeaSubmittedV1,
  IdeaStatusChangedV1,
  IdeaAdoptedV1,
  IdeaCoauthorInvitedV1,
  IdeaCoauthorJoinedV1,
  IdeaEndorsedV1,
  IdeaEndorsementWithdrawnV1,
  IdeaReviewerAssignedV1,
  IdeaScorecardSubmittedV1,
  IdeaReviewCompletedV1,
  IdeaBenefitRecordedV1,
  ChallengeCreatedV1,
  ChallengeUpdatedV1,
  ExperimentStartedV1,
  ExperimentConcludedV1,
  CommentPostedV1,
  CommentHiddenV1,
  CommentDeletedV1,
] as const;
