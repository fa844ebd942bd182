import { z } from 'zod';
import { defineEvent } from './event-contract.js';

/**
 * Events of the communities service (shared/PRODUCT.md, communities), defined before that service
 * exists so that their consumers (knowledge-assets today) can be built and tested against them; the
 * communities service will produce exactly these.
 */

/** The roles of a community's members (a `Membership` of libs/membership in the communities service). */
export const COMMUNITY_ROLES = ['member', 'moderator', 'facilitator'] as const;
export type CommunityRole = (typeof COMMUNITY_ROLES)[number];

const timestamp = z.iso.datetime();
/** A BCP 47 language tag in canonical case (`en`, `fr`, `es-419`). */
const languageTag = z.string().min(2).max(35);

/**
 * Who is in a community now: its whole list of accepted members (`Group.members()` with their roles;
 * invitations and join requests grant nothing and are left out), after any change to it. The list
 * rather than the one person changed, because a community built on libs/membership keeps its members
 * on the community's row with one version: every change gives the whole state at a new `version`, and a
 * replica (libs/replica `upsertOn`, key `communityId`) applies only a newer one, so a redelivered or late
 * event never brings back someone who left. The price is the size of a big community's list in every
 * event (about 60 bytes a member: 10,000 members is 600 kB, within Kafka's default 1 MB record).
 */
export const CommunityMembershipChangedV1 = defineEvent(
  'ikm.communities.community.membership-changed.v1',
  z.object({
    communityId: z.uuid(),
    /** The community's version after this change: consumers ignore an event at or below the one they hold. */
    version: z.number().int().positive(),
    members: z.array(z.object({ userId: z.string().min(1), role: z.enum(COMMUNITY_ROLES) })),
    changedAt: timestamp,
  }),
);

/**
 * An after-action review (planned / happened / why / next time) published by a community after one of
 * its knowledge-sharing events, so that it flows on as a lesson learned. Written in one language.
 */
export const AfterActionReviewPublishedV1 = defineEvent(
  'ikm.communities.after-action-review.published.v1',
  z.object({
    reviewId: z.uuid(),
    communityId: z.uuid(),
    /** The knowledge-sharing event reviewed, when the review follows one. */
    sharingEventId: z.uuid().nullable().optional(),
    title: z.string().min(1),
    language: languageTag,
    whatWasPlanned: z.string(),
    whatHappened: z.string(),
    whyItHappened: z.string(),
    /** What to do next time: the lessons. */
    lessons: z.string().min(1),
    /** Staff ids of the people who took part: the lesson's creators. */
    participants: z.array(z.string().min(1)).min(1),
    /** Taxonomy concept ids (the community's themes or the review's own). */
    subjects: z.array(z.uuid()).optional(),
    publishedAt: timestamp,
  }),
);

/**
 * A question's asker (or a moderator) accepted an answer in a community's Q&A: the answer flows on as a
 * good practice of its author. Question and answer in one language, as they were written.
 */
export const AnswerAcceptedV1 = defineEvent(
  'ikm.communities.question.answer-accepted.v1',
  z.object({
    questionId: z.uuid(),
    answerId: z.uuid(),
    communityId: z.uuid(),
    questionTitle: z.string().min(1),
    questionBody: z.string(),
    answerBody: z.string().min(1),
    language: languageTag,
    /** Staff id of the answer's author: the good practice's creator. */
    authorId: z.string().min(1),
    /** Who accepted it (the asker or a moderator). */
    acceptedBy: z.string().min(1),
    /** Taxonomy concept ids of the question. */
    subjects: z.array(z.uuid()).optional(),
    acceptedAt: timestamp,
  }),
);

/**
 * The knowledge assets shared in a discussion thread: the thread's whole list after a post shared one
 * (or a post that did was removed), at the thread's `version`. The list rather than the one share, as
 * for membership: a consumer keeps it as a replica (libs/replica, key the thread), so a redelivered or
 * late event changes nothing and a removed post takes its link away.
 */
export const DiscussionSharedAssetsChangedV1 = defineEvent(
  'ikm.communities.discussion.shared-assets-changed.v1',
  z.object({
    discussionId: z.uuid(),
    communityId: z.uuid(),
    /** The thread's version after this change. */
    version: z.number().int().positive(),
    title: z.string().min(1),
    /** Every knowledge asset a post of the thread shares now, each once. */
    knowledgeAssetIds: z.array(z.uuid()),
    changedAt: timestamp,
  }),
);

/**
 * The knowledge assets a knowledge-sharing event (webinar, workshop, peer assist, ...) cites: its whole
 * list at the event's `version`, after it was scheduled or its programme changed.
 */
export const SharingEventCitedAssetsChangedV1 = defineEvent(
  'ikm.communities.sharing-event.cited-assets-changed.v1',
  z.object({
    sharingEventId: z.uuid(),
    communityId: z.uuid(),
    version: z.number().int().positive(),
    title: z.string().min(1),
    knowledgeAssetIds: z.array(z.uuid()),
    changedAt: timestamp,
  }),
);

export const COMMUNITY_TOPIC = CommunityMembershipChangedV1.topic;
export const DISCUSSION_TOPIC = DiscussionSharedAssetsChangedV1.topic;
export const SHARING_EVENT_TOPIC = SharingEventCitedAssetsChangedV1.topic;
export const AFTER_ACTION_REVIEW_TOPIC = AfterActionReviewPublishedV1.topic;
export const QUESTION_TOPIC = AnswerAcceptedV1.topic;
export const COMMUNITIES_SERVICE_EVENTS = [
  CommunityMembershipChangedV1,
  AfterActionReviewPublishedV1,
  AnswerAcceptedV1,
  DiscussionSharedAssetsChangedV1,
  SharingEventCitedAssetsChangedV1,
] as const;
