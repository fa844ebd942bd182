import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '#ikm/auth';
import { CommentDeletedV1 } from '#ikm/contracts';
import { OutboxWriter } from '#ikm/messaging';
import { DataSource } from 'typeorm';
import { IdeaRepository } from '../../idea/idea.repository.js';
import { assertAuthorMayChange } from '../comment-access.js';
import { CommentRepository } from '../comment.repository.js';

/** Its author deletes a visible comment; it is kept, marked deleted, and listed no more. */
@Injectable()
export class DeleteCommentUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ideas: IdeaRepository,
    private readonly comments: CommentRepository,
    private readonly outbox: OutboxWriter,
  ) {}

  async execute({ user, ideaId, commentId }: { user: AuthenticatedUser; ideaId: string; commentId: string }): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.ideas.getVisible(manager, ideaId, user.sub);
      const row = await this.comments.getForUpdate(manager, ideaId, commentId);
      assertAuthorMayChange(user, row);
      await this.comments.update(manager, row.id, { status: 'deleted' });
      await this.outbox.append(manager, CommentDeletedV1, row.id, { commentId: row.id, ideaId, deletedAt: new Date().toISOString() });
    });
  }
}
