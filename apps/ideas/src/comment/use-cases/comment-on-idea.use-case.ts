import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser, Role } from '#ikm/auth';
import { CommentDeletedV1, CommentHiddenV1, CommentPostedV1 } from '#ikm/contracts';
import { OutboxWriter } from '#ikm/messaging';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { IdeaRepository } from '../../idea/idea.repository.js';
import { CommentError } from '../comment.errors.js';
import { CommentRepository, type CommentRow } from '../comment.repository.js';
import type { CommentResponse } from '../dto/comment.dto.js';

/** Moderators hide comments; they do not delete what others wrote. */
export const MODERATOR_ROLES: Role[] = ['facilitator', 'ikmu_admin'];

function isModerator(user: AuthenticatedUser): boolean {
  return user.roles.some((role) => MODERATOR_ROLES.includes(role));
}

/** What a reader sees: a hidden comment's text only for its author and moderators. */
export function commentFor(user: AuthenticatedUser, row: CommentRow): CommentResponse {
  const showBody = row.status === 'visible' || (row.status === 'hidden' && (row.author_id === user.sub || isModerator(user)));
  return {
    id: row.id,
    ideaId: row.idea_id,
    authorId: row.author_id,
    body: showBody ? row.body : null,
    status: row.status,
    hiddenReason: row.hidden_reason,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

/** Comments on submitted ideas: authors edit and delete their own, moderators hide. */
@Injectable()
export class CommentOnIdeaUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ideas: IdeaRepository,
    private readonly comments: CommentRepository,
    private readonly outbox: OutboxWriter,
  ) {}

  async list({ user, ideaId }: { user: AuthenticatedUser; ideaId: string }): Promise<CommentResponse[]> {
    await this.ideas.getVisible(ideaId, user.sub);
    const rows = await this.comments.listForIdea(this.dataSource.manager, ideaId);
    return rows.map((row) => commentFor(user, row));
  }

  async post({ user, ideaId, body }: { user: AuthenticatedUser; ideaId: string; body: string }): Promise<CommentResponse> {
    return this.dataSource.transaction(async (manager) => {
      const idea = await this.ideas.getVisible(ideaId, user.sub, manager);
      idea.assertOpenForEngagement();
      const row = await this.comments.insert(manager, { id: randomUUID(), ideaId, authorId: user.sub, body, at: new Date() });
      await this.outbox.append(manager, CommentPostedV1, row.id, { commentId: row.id, ideaId, authorId: user.sub, postedAt: new Date(row.created_at).toISOString() });
      return commentFor(user, row);
    });
  }

  async edit({ user, ideaId, commentId, body }: { user: AuthenticatedUser; ideaId: string; commentId: string; body: string }): Promise<CommentResponse> {
    return this.dataSource.transaction(async (manager) => {
      await this.ideas.getVisible(ideaId, user.sub, manager);
      const row = await this.ownVisibleComment(manager, user, ideaId, commentId);
      return commentFor(user, await this.comments.update(manager, row.id, { body }));
    });
  }

  async delete({ user, ideaId, commentId }: { user: AuthenticatedUser; ideaId: string; commentId: string }): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.ideas.getVisible(ideaId, user.sub, manager);
      const row = await this.ownVisibleComment(manager, user, ideaId, commentId);
      await this.comments.update(manager, row.id, { status: 'deleted' });
      await this.outbox.append(manager, CommentDeletedV1, row.id, { commentId: row.id, ideaId, deletedAt: new Date().toISOString() });
    });
  }

  async hide({ user, ideaId, commentId, reason }: { user: AuthenticatedUser; ideaId: string; commentId: string; reason: string }): Promise<CommentResponse> {
    return this.dataSource.transaction(async (manager) => {
      await this.ideas.getVisible(ideaId, user.sub, manager);
      const row = await this.comments.getForUpdate(manager, ideaId, commentId);
      if (row.status === 'deleted') throw CommentError.gone(commentId, row.status);
      const hidden = await this.comments.update(manager, row.id, { status: 'hidden', hiddenReason: reason, hiddenBy: user.sub });
      await this.outbox.append(manager, CommentHiddenV1, row.id, { commentId: row.id, ideaId, moderatorId: user.sub, reason, hiddenAt: new Date().toISOString() });
      return commentFor(user, hidden);
    });
  }

  private async ownVisibleComment(manager: Parameters<CommentRepository['getForUpdate']>[0], user: AuthenticatedUser, ideaId: string, commentId: string): Promise<CommentRow> {
    const row = await this.comments.getForUpdate(manager, ideaId, commentId);
    if (row.author_id !== user.sub) throw CommentError.notAuthor(commentId);
    if (row.status !== 'visible') throw CommentError.gone(commentId, row.status);
    return row;
  }
}
