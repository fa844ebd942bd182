import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '#ikm/auth';
import { IdeaCreatedV1 } from '#ikm/contracts';
import { OutboxWriter } from '#ikm/messaging';
import { DataSource } from 'typeorm';
import { ChallengeRepository } from '../../challenge/challenge.repository.js';
import { eventOriginOf } from '../idea-events.js';
import { Idea, type IdeaContent } from '../idea.entity.js';
import { IdeaRepository } from '../idea.repository.js';

export interface CreateIdeaCommand {
  user: AuthenticatedUser;
  content: IdeaContent;
}

@Injectable()
export class CreateIdeaUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ideas: IdeaRepository,
    private readonly challenges: ChallengeRepository,
    private readonly outbox: OutboxWriter,
  ) {}

  async execute({ user, content }: CreateIdeaCommand): Promise<Idea> {
    const idea = Idea.draft({ userId: user.sub, unit: user.unit, region: user.region }, content, new Date());
    await this.dataSource.transaction(async (manager) => {
      if (idea.challengeId) await this.challenges.getReferenced(manager, idea.challengeId);
      await this.ideas.insert(manager, idea);
      await this.outbox.append(manager, IdeaCreatedV1, idea.id, {
        ideaId: idea.id,
        version: idea.version,
        ...eventOriginOf(idea),
        title: idea.title,
        problem: idea.problem,
        proposal: idea.proposal,
        themes: idea.themes,
        ...(idea.expectedBenefits ? { expectedBenefits: idea.expectedBenefits } : {}),
        knowledgeAssetIds: idea.knowledgeAssetIds,
        authorId: idea.authorId,
        status: 'draft',
        createdAt: idea.createdAt.toISOString(),
      });
    });
    idea.endorsementCount = 0;
    return idea;
  }
}
