import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '#ikm/auth';
import { DataSource } from 'typeorm';
import { IdeaRepository } from '../../idea/idea.repository.js';
import type { ReviewResponse } from '../dto/review.dto.js';
import { ReviewReport } from '../review-report.js';

/** An idea's review so far: reviewers, who is awaited, the scorecards the caller may see, the mean. */
@Injectable()
export class GetReviewUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ideas: IdeaRepository,
    private readonly report: ReviewReport,
  ) {}

  async execute({ user, ideaId }: { user: AuthenticatedUser; ideaId: string }): Promise<ReviewResponse> {
    const manager = this.dataSource.manager;
    const idea = await this.ideas.getVisible(manager, ideaId, user.sub);
    return this.report.of(manager, idea, user);
  }
}
