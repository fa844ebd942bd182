import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '#ikm/auth';
import { CommentPostedV1 } from '#ikm/contracts';
import { OutboxWriter } from '#ikm/messaging';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { IdeaRepository } from '../../idea/idea.repository.js';
import { commentFor } from '../comment-access.js';
import { CommentRepository } from '../comment.repository.js';
import type { CommentResponse } from '../dto/comment.dto.js';

/** Comments wait, as endorsements do, for the idea to be submitted. */
@Injectable()
export class PostCommentUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ideas: IdeaRepository,
    private readonly comments: CommentRepository,
    private readonly outbox: OutboxWriter,
  ) {}

  async execute({ user, ideaId, body }: { user: AuthenticatedUser; ideaId: string; body: string }): Promise<CommentResponse> {
    return this.dataSource.transaction(async (manager) => {
      const idea = await this.ideas.getVisible(manager, ideaId, user.sub);
      idea.assertOpenForEngagement();
      const row = await this.comments.insert(manager, { id: randomUUID(), ideaId, authorId: user.sub, body, at: new Date() });
      await this.outbox.append(manager, CommentPostedV1, row.id, { commentId: row.id, ideaId, authorId: user.sub, postedAt: new Date(row.created_at).toISOString() });
      return commentFor(user, row);
    });
  }
}
