import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '#ikm/auth';
import type { IdeaStatus } from '#ikm/contracts';
import { DataSource } from 'typeorm';
import { IdeaRepository } from '../idea.repository.js';

export interface HistoryEntry {
  from: IdeaStatus;
  to: IdeaStatus;
  actorId: string;
  reason: string | null;
  at: string;
}

/** Who moved the idea, when and why, oldest first. */
@Injectable()
export class GetHistoryUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ideas: IdeaRepository,
  ) {}

  async execute({ user, ideaId }: { user: AuthenticatedUser; ideaId: string }): Promise<HistoryEntry[]> {
    await this.ideas.getVisible(ideaId, user.sub);
    const rows: Array<{ from_status: IdeaStatus; to_status: IdeaStatus; actor_id: string; reason: string | null; at: Date }> =
      await this.dataSource.query(`SELECT from_status, to_status, actor_id, reason, at FROM idea_transitions WHERE idea_id = $1 ORDER BY id`, [ideaId]);
    return rows.map((row) => ({ from: row.from_status, to: row.to_status, actorId: row.actor_id, reason: row.reason, at: row.at.toISOString() }));
  }
}
