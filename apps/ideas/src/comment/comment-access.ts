import type { AuthenticatedUser, Role } from '#ikm/auth';
import { CommentError } from './comment.errors.js';
import type { CommentRow } from './comment.repository.js';
import type { CommentResponse } from './dto/comment.dto.js';

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

/** Authors edit and delete their own comments, and only while they are visible. */
export function assertAuthorMayChange(user: AuthenticatedUser, row: CommentRow): void {
  if (row.author_id !== user.sub) throw CommentError.notAuthor(row.id);
  if (row.status !== 'visible') throw CommentError.gone(row.id, row.status);
}
