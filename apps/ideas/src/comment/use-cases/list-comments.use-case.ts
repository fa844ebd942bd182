import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '#ikm/auth';
import { DataSource } from 'typeorm';
import { IdeaRepository } from '../../idea/idea.repository.js';
import { commentFor } from '../comment-access.js';
import { CommentRepository } from '../comment.repository.js';
import type { CommentResponse } from '../dto/comment.dto.js';

/** Oldest first; deleted ones left out, hidden ones without their text for others than author and moderators. */
@Injectable()
export class ListCommentsUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ideas: IdeaRepository,
    private readonly comments: CommentRepository,
  ) {}

  async execute({ user, ideaId }: { user: AuthenticatedUser; ideaId: string }): Promise<CommentResponse[]> {
    const manager = this.dataSource.manager;
    await this.ideas.getVisible(manager, ideaId, user.sub);
    const rows = await this.comments.listForIdea(manager, ideaId);
    return rows.map((row) => commentFor(user, row));
  }
}
