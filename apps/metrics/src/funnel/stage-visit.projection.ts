import { defineProjection } from '../projection/projection.js';
import { onIdeaChange } from './idea-change.js';

/**
 * Each idea's stays in each stage, for conversion and time in stage: a transition closes the stay in
 * hand and opens one in the new stage. Stays are keyed by the version that opened them, so a replayed
 * or stale transition (its version not above every stay's) changes nothing.
 */
export const STAGE_VISIT_PROJECTION = defineProjection({
  name: 'stage-visits',
  tables: ['stage_visits'],
  on: onIdeaChange((change) => {
    if (!change.stage) return [];
    // One statement, not three round trips: this runs for every stage event, live and in a rebuild.
    // The CTEs share one snapshot; `fresh` is false when a stay at this version or later exists.
    return [
      {
        sql: `WITH guard AS (
         SELECT NOT EXISTS (SELECT 1 FROM stage_visits WHERE idea_id = $1 AND entered_version >= $2) AS fresh
       ), closed AS (
         UPDATE stage_visits SET left_at = $4 WHERE idea_id = $1 AND left_at IS NULL AND (SELECT fresh FROM guard)
       )
       INSERT INTO stage_visits (idea_id, entered_version, stage, entered_at)
       SELECT $1, $2, $3, $4 WHERE (SELECT fresh FROM guard)`,
        params: [change.ideaId, change.version, change.stage, change.at],
      },
    ];
  }),
});
