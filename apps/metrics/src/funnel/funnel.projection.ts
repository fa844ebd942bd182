import { Injectable } from '@nestjs/common';
import { IdeaCreatedV1, IdeaSubmittedV1, type EventData, type IdeaStatus } from '#ikm/contracts';
import type { EntityManager } from 'typeorm';
import type { LoggedEvent, Projection } from '../projection/projection.js';

interface StageChange {
  ideaId: string;
  status: IdeaStatus;
  version: number;
  at: string;
}

/** Which idea events move an idea to a funnel stage, and to which. */
function stageChangeOf(event: LoggedEvent): StageChange | undefined {
  switch (event.type) {
    case IdeaCreatedV1.type: {
      const data = event.data as EventData<typeof IdeaCreatedV1>;
      return { ideaId: data.ideaId, status: data.status, version: data.version, at: data.createdAt };
    }
    case IdeaSubmittedV1.type: {
      const data = event.data as EventData<typeof IdeaSubmittedV1>;
      return { ideaId: data.ideaId, status: data.status, version: data.version, at: data.submittedAt };
    }
    default:
      return undefined;
  }
}

/**
 * The innovation funnel: each idea's current stage. A change applies only when it is newer than what
 * is stored (by the idea's version), so a replayed or late event can never move an idea backwards.
 */
@Injectable()
export class FunnelProjection implements Projection {
  readonly name = 'funnel';
  readonly tables = ['funnel_ideas'];

  async apply(manager: EntityManager, event: LoggedEvent): Promise<void> {
    const change = stageChangeOf(event);
    if (!change) return;
    await manager.query(
      `INSERT INTO funnel_ideas (idea_id, status, version, entered_status_at, created_at)
       VALUES ($1, $2, $3, $4, $4)
       ON CONFLICT (idea_id) DO UPDATE
         SET status = EXCLUDED.status, version = EXCLUDED.version, entered_status_at = EXCLUDED.entered_status_at
         WHERE funnel_ideas.version < EXCLUDED.version`,
      [change.ideaId, change.status, change.version, change.at],
    );
  }
}
