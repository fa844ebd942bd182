import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '#ikm/auth';
import { IdeaAdoptedV1, IdeaSubmittedV1, type IdeaStatus } from '#ikm/contracts';
import { OutboxWriter } from '#ikm/messaging';
import { DataSource, type EntityManager } from 'typeorm';
import { ChallengeError } from '../../challenge/challenge.errors.js';
import { ChallengeRepository } from '../../challenge/challenge.repository.js';
import { independentReviewers } from '../../review/review-progress.js';
import { ReviewRepository } from '../../review/review.repository.js';
import { SimilarWorkRepository, type SimilarWork } from '../../similar-work/similar-work.repository.js';
import { eventOriginOf } from '../idea-events.js';
import type { Idea } from '../idea.entity.js';
import { IdeaRepository } from '../idea.repository.js';
import { TransitionRecorder } from '../transition-recorder.js';

export interface TransitionIdeaCommand {
  user: AuthenticatedUser;
  ideaId: string;
  to: IdeaStatus;
  reason?: string;
  expectedVersion?: number;
}

export interface TransitionOutcome {
  idea: Idea;
  /** Found on submission only. */
  similarWork?: SimilarWork;
}

/**
 * Moves an idea along its lifecycle: the entity decides whether the caller may; this writes the
 * history row and the events in the same transaction.
 */
@Injectable()
export class TransitionIdeaUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ideas: IdeaRepository,
    private readonly challenges: ChallengeRepository,
    private readonly similarWork: SimilarWorkRepository,
    private readonly reviews: ReviewRepository,
    private readonly recorder: TransitionRecorder,
    private readonly outbox: OutboxWriter,
  ) {}

  async execute({ user, ideaId, to, reason, expectedVersion }: TransitionIdeaCommand): Promise<TransitionOutcome> {
    return this.dataSource.transaction(async (manager) => {
      const idea = await this.ideas.getVisibleForUpdate(manager, ideaId, user.sub);
      idea.assertVersion(expectedVersion);
      const now = new Date();
      const pending = to === 'accepted' ? independentReviewers(idea, await this.reviews.unscoredReviewers(manager, idea.id)) : [];
      const transition = idea.transition({ userId: user.sub, roles: user.roles }, to, reason ?? null, now, { pendingReviewers: pending });
      if (to === 'submitted' && idea.challengeId) await this.assertChallengeOpen(manager, idea.challengeId, now);
      await this.ideas.save(manager, idea);
      await this.recorder.record(manager, idea, transition, user.sub, now);
      if (to === 'submitted') {
        const similarWork = await this.similarWork.find(manager, { excludeIdeaId: idea.id, title: idea.title, text: `${idea.problem} ${idea.proposal}`, viewer: user });
        await this.outbox.append(manager, IdeaSubmittedV1, idea.id, {
          ideaId: idea.id,
          version: idea.version,
          ...eventOriginOf(idea),
          status: 'submitted',
          authorId: idea.authorId,
          submittedAt: now.toISOString(),
          similarWork: [
            ...similarWork.ideas.map((match) => ({ kind: 'idea' as const, id: match.id, score: match.score })),
            ...similarWork.knowledgeAssets.map((match) => ({ kind: 'knowledge_asset' as const, id: match.id, score: match.score })),
          ],
        });
        return { idea, similarWork };
      }
      if (to === 'adopted') {
        await this.outbox.append(manager, IdeaAdoptedV1, idea.id, {
          ideaId: idea.id,
          version: idea.version,
          ...eventOriginOf(idea),
          title: idea.title,
          team: idea.members(),
          themes: idea.themes,
          problem: idea.problem,
          proposal: idea.proposal,
          adoptedAt: now.toISOString(),
        });
      }
      return { idea };
    });
  }

  private async assertChallengeOpen(manager: EntityManager, challengeId: string, now: Date): Promise<void> {
    const challenge = await this.challenges.get(manager, challengeId);
    const phase = challenge.phaseAt(now);
    if (phase !== 'open') throw ChallengeError.notOpen(challengeId, phase);
  }
}
