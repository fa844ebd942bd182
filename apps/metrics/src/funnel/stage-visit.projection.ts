import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { LoggedEvent, Projection } from '../projection/projection.js';
import { ideaChangeOf } from './idea-change.js';

/**
 * Each idea's stays in each stage, for conversion and time in stage: a transition closes the stay in
 * hand and opens one in the new stage. Stays are keyed by the version that opened them, so a replayed
 * or stale transition (its version not above every stay's) changes nothing.
 */
@Injectable()
export class StageVisitProjection implements Projection {
  readonly name = 'stage-visits';
  readonly tables = ['stage_visits'];

  async apply(manager: EntityManager, event: LoggedEvent): Promise<void> {
    const change = ideaChangeOf(event);
    if (!change?.stage) return;
    const newer: unknown[] = await manager.query(
      `SELECT 1 FROM stage_visits WHERE idea_id = $1 AND entered_version >= $2 LIMIT 1`,
      [change.ideaId, change.version],
    );
    if (newer.length > 0) return;
    await manager.query(`UPDATE stage_visits SET left_at = $2 WHERE idea_id = $1 AND left_at IS NULL`, [change.ideaId, change.at]);
    await manager.query(
      `INSERT INTO stage_visits (idea_id, entered_version, stage, entered_at) VALUES ($1, $2, $3, $4)`,
      [change.ideaId, change.version, change.stage, change.at],
    );
  }
}
