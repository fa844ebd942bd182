import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CommentError } from './comment.errors.js';

export interface CommentRow {
  id: string;
  idea_id: string;
  author_id: string;
  body: string;
  status: 'visible' | 'hidden' | 'deleted';
  hidden_reason: string | null;
  created_at: Date;
  updated_at: Date;
}

@Injectable()
export class CommentRepository {
  async insert(manager: EntityManager, comment: { id: string; ideaId: string; authorId: string; body: string; at: Date }): Promise<CommentRow> {
    const [row] = await manager.query(
      `INSERT INTO comments (id, idea_id, author_id, body, status, created_at, updated_at) VALUES ($1, $2, $3, $4, 'visible', $5, $5) RETURNING *`,
      [comment.id, comment.ideaId, comment.authorId, comment.body, comment.at],
    );
    return row;
  }

  async getForUpdate(manager: EntityManager, ideaId: string, commentId: string): Promise<CommentRow> {
    const [row] = await manager.query(`SELECT * FROM comments WHERE id = $1 AND idea_id = $2 FOR UPDATE`, [commentId, ideaId]);
    if (!row) throw CommentError.notFound(commentId);
    return row;
  }

  async update(manager: EntityManager, commentId: string, changes: { body?: string; status?: CommentRow['status']; hiddenReason?: string; hiddenBy?: string }): Promise<CommentRow> {
    const [rows] = await manager.query(
      `UPDATE comments SET body = coalesce($2, body), status = coalesce($3, status), hidden_reason = coalesce($4, hidden_reason),
              hidden_by = coalesce($5, hidden_by), updated_at = now()
        WHERE id = $1 RETURNING *`,
      [commentId, changes.body ?? null, changes.status ?? null, changes.hiddenReason ?? null, changes.hiddenBy ?? null],
    );
    return rows[0];
  }

  async listForIdea(manager: EntityManager, ideaId: string): Promise<CommentRow[]> {
    return manager.query(`SELECT * FROM comments WHERE idea_id = $1 AND status <> 'deleted' ORDER BY created_at, id`, [ideaId]);
  }
}
