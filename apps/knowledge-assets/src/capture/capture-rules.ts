import {
  AfterActionReviewPublishedV1,
  AnswerAcceptedV1,
  ExperimentConcludedV1,
  IdeaAdoptedV1,
  type AssetType,
  type CapturedFrom,
  type EventData,
} from '#ikm/contracts';
import type { ConsumedEvent } from '#ikm/messaging';
import type { AssetMetadata, Multilingual } from '../asset/metadata/asset-metadata.js';
import { EMPTY_METADATA } from '../asset/metadata/metadata-input.js';

/**
 * Automatic capture (shared/PRODUCT.md, knowledge-assets): what another service's event becomes, a
 * draft its owners review before anyone else sees it. Pure rules, from the event alone:
 *
 * - an idea's experiment concluded with lessons -> a lesson learned, its creators the idea's team;
 * - an adopted idea -> a good practice, its creators the idea's team;
 * - a community's after-action review -> a lesson learned, its creators the review's participants;
 * - an answer accepted in a community's Q&A -> a good practice, its creator the answer's author.
 *
 * Creators carry the people's staff ids (so they own the draft) and, knowing no names, the same id as
 * name, which the owners correct. An idea's texts have no declared language: they are filed under
 * `und` (BCP 47 "undetermined") until an owner says which it is. The draft is internal, and its
 * publishing unit is the idea's origin unit (none for a review: communities cross units).
 */
export interface CapturedDraft {
  capturedFrom: CapturedFrom;
  metadata: AssetMetadata;
}

/** The language tag of texts whose language their source does not declare. */
const UNDETERMINED = 'und';

/** Who captured drafts are created by, in their `createdBy` and their events' `actorId`. */
export const CAPTURE_ACTOR = 'knowledge-assets:capture';

function draftMetadata(type: AssetType, fields: Partial<AssetMetadata> & Pick<AssetMetadata, 'title' | 'creators' | 'source'>): AssetMetadata {
  return { ...EMPTY_METADATA, type, publishingUnit: '', ...fields };
}

/** The people as creators who own the draft; nobody twice. */
function creatorsOf(staffIds: readonly string[]): AssetMetadata['creators'] {
  return [...new Set(staffIds)].map((staffId) => ({ name: staffId, orcid: null, staffId }));
}

function capturedFrom(event: ConsumedEvent, service: string, aggregateType: string, aggregateId: string, url: string): CapturedFrom {
  return { service, aggregateType, aggregateId, eventId: event.id, eventType: event.type, url };
}

/** The source as Dublin Core's `source`: an internal record, named by service, aggregate and id. */
function sourceOf({ service, aggregateType, aggregateId }: CapturedFrom): AssetMetadata['source'] {
  return { platform: 'internal', identifier: `${service}/${aggregateType}/${aggregateId}`, url: null };
}

/** Texts that are present, as one language map entry (none when all are blank). */
function textIn(language: string, ...parts: Array<string | null | undefined>): Multilingual {
  const text = parts.map((part) => part?.trim()).filter(Boolean).join('\n\n');
  return text ? { [language]: text } : {};
}

/** A concluded experiment with lessons; undefined without lessons (nothing learned to capture). */
export function lessonFromExperiment(event: ConsumedEvent<EventData<typeof ExperimentConcludedV1>>): CapturedDraft | undefined {
  const experiment = event.data;
  if (!experiment.lessons?.trim()) return undefined;
  const from = capturedFrom(event, 'ideas', 'experiment', experiment.experimentId, `/api/v1/ideas/${experiment.ideaId}/experiments`);
  // Events written before the team was carried name nobody: then whoever concluded it (the event's actor).
  const people = experiment.team ?? (event.actor ? [event.actor] : []);
  return {
    capturedFrom: from,
    metadata: draftMetadata('lesson_learned', {
      title: { [UNDETERMINED]: experiment.ideaTitle ?? experiment.hypothesis ?? `Experiment ${experiment.experimentId}` },
      abstract: textIn(UNDETERMINED, experiment.hypothesis, experiment.lessons),
      keywords: { [UNDETERMINED]: [`experiment ${experiment.outcome}`] },
      creators: creatorsOf(people),
      publishingUnit: experiment.originUnit ?? '',
      source: sourceOf(from),
    }),
  };
}

/** An adopted idea, as a good practice of its team. */
export function goodPracticeFromAdoption(event: ConsumedEvent<EventData<typeof IdeaAdoptedV1>>): CapturedDraft {
  const idea = event.data;
  const from = capturedFrom(event, 'ideas', 'idea', idea.ideaId, `/api/v1/ideas/${idea.ideaId}`);
  return {
    capturedFrom: from,
    metadata: draftMetadata('good_practice', {
      title: { [UNDETERMINED]: idea.title },
      abstract: textIn(UNDETERMINED, idea.problem, idea.proposal),
      keywords: idea.themes.length > 0 ? { [UNDETERMINED]: idea.themes } : {},
      creators: creatorsOf(idea.team),
      publishingUnit: idea.originUnit ?? '',
      source: sourceOf(from),
    }),
  };
}

/** A community's after-action review, as a lesson learned of its participants, in the review's language. */
export function lessonFromAfterActionReview(event: ConsumedEvent<EventData<typeof AfterActionReviewPublishedV1>>): CapturedDraft {
  const review = event.data;
  const from = capturedFrom(event, 'communities', 'after-action-review', review.reviewId, `/api/v1/communities/after-action-reviews/${review.reviewId}`);
  return {
    capturedFrom: from,
    metadata: draftMetadata('lesson_learned', {
      title: { [review.language]: review.title },
      // Planned, happened, why, next time: the review's own order.
      abstract: textIn(review.language, review.whatWasPlanned, review.whatHappened, review.whyItHappened, review.lessons),
      creators: creatorsOf(review.participants),
      languages: [review.language],
      subjects: review.subjects ?? [],
      dateIssued: review.publishedAt.slice(0, 10),
      source: sourceOf(from),
    }),
  };
}

/** An accepted answer, as a good practice of its author, in the question's language. */
export function goodPracticeFromAcceptedAnswer(event: ConsumedEvent<EventData<typeof AnswerAcceptedV1>>): CapturedDraft {
  const answer = event.data;
  const from = capturedFrom(event, 'communities', 'answer', answer.answerId, `/api/v1/communities/questions/${answer.questionId}`);
  return {
    capturedFrom: from,
    metadata: draftMetadata('good_practice', {
      title: { [answer.language]: answer.questionTitle },
      // The question, then the answer that solved it.
      abstract: textIn(answer.language, answer.questionBody, answer.answerBody),
      creators: creatorsOf([answer.authorId]),
      languages: [answer.language],
      subjects: answer.subjects ?? [],
      dateIssued: answer.acceptedAt.slice(0, 10),
      source: sourceOf(from),
    }),
  };
}
