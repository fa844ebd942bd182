import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '#ikm/auth';
import { DataSource } from 'typeorm';
import { IdeaRepository } from '../../idea/idea.repository.js';
import { assertAuthorMayChange, commentFor } from '../comment-access.js';
import { CommentRepository } from '../comment.repository.js';
import type { CommentResponse } from '../dto/comment.dto.js';

/** Its author rewrites a visible comment. */
@Injectable()
export class EditCommentUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ideas: IdeaRepository,
    private readonly comments: CommentRepository,
  ) {}

  async execute({ user, ideaId, commentId, body }: { user: AuthenticatedUser; ideaId: string; commentId: string; body: string }): Promise<CommentResponse> {
    return this.dataSource.transaction(async (manager) => {
      await this.ideas.getVisible(manager, ideaId, user.sub);
      const row = await this.comments.getForUpdate(manager, ideaId, commentId);
      assertAuthorMayChange(user, row);
      return commentFor(user, await this.comments.update(manager, row.id, { body }));
    });
  }
}
