import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '#ikm/auth';
import { CommentHiddenV1 } from '#ikm/contracts';
import { OutboxWriter } from '#ikm/messaging';
import { DataSource } from 'typeorm';
import { IdeaRepository } from '../../idea/idea.repository.js';
import { commentFor } from '../comment-access.js';
import { CommentError } from '../comment.errors.js';
import { CommentRepository } from '../comment.repository.js';
import type { CommentResponse } from '../dto/comment.dto.js';

/** A moderator hides a comment, with the reason; its author and moderators still read its text. */
@Injectable()
export class HideCommentUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ideas: IdeaRepository,
    private readonly comments: CommentRepository,
    private readonly outbox: OutboxWriter,
  ) {}

  async execute({ user, ideaId, commentId, reason }: { user: AuthenticatedUser; ideaId: string; commentId: string; reason: string }): Promise<CommentResponse> {
    return this.dataSource.transaction(async (manager) => {
      await this.ideas.getVisible(manager, ideaId, user.sub);
      const row = await this.comments.getForUpdate(manager, ideaId, commentId);
      if (row.status === 'deleted') throw CommentError.gone(commentId, row.status);
      const hidden = await this.comments.update(manager, row.id, { status: 'hidden', hiddenReason: reason, hiddenBy: user.sub });
      await this.outbox.append(manager, CommentHiddenV1, row.id, { commentId: row.id, ideaId, moderatorId: user.sub, reason, hiddenAt: new Date().toISOString() });
      return commentFor(user, hidden);
    });
  }
}
