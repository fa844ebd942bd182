import { defineProjection } from '../projection/projection.js';
import { onIdeaChange } from './idea-change.js';

/** Sets each origin column the event names (a key of the jsonb parameter) and keeps the others. */
function originAssignments(origin: string): string {
  return `challenge_id = CASE WHEN ${origin}::jsonb ? 'challengeId' THEN (${origin}::jsonb ->> 'challengeId')::uuid ELSE funnel_ideas.challenge_id END,
          origin_unit  = CASE WHEN ${origin}::jsonb ? 'originUnit' THEN ${origin}::jsonb ->> 'originUnit' ELSE funnel_ideas.origin_unit END,
          region       = CASE WHEN ${origin}::jsonb ? 'region' THEN ${origin}::jsonb ->> 'region' ELSE funnel_ideas.region END`;
}

/**
 * The innovation funnel: each idea's current stage and origin. A change applies only when it is newer
 * than what is stored (by the idea's version), so a replayed or late event can never move an idea
 * backwards.
 */
export const FUNNEL_PROJECTION = defineProjection({
  name: 'funnel',
  tables: ['funnel_ideas'],
  on: onIdeaChange((change) => {
    const origin = JSON.stringify(change.origin);
    if (!change.stage) {
      // An edit without a stage cannot create the idea's row: it always follows the idea's creation.
      return [
        {
          sql: `UPDATE funnel_ideas SET version = $2, ${originAssignments('$3')} WHERE idea_id = $1 AND version < $2`,
          params: [change.ideaId, change.version, origin],
        },
      ];
    }
    return [
      {
        sql: `INSERT INTO funnel_ideas (idea_id, status, version, entered_status_at, created_at, challenge_id, origin_unit, region)
       VALUES ($1, $2, $3, $4, $4, ($5::jsonb ->> 'challengeId')::uuid, $5::jsonb ->> 'originUnit', $5::jsonb ->> 'region')
       ON CONFLICT (idea_id) DO UPDATE
         SET status = EXCLUDED.status, version = EXCLUDED.version, entered_status_at = EXCLUDED.entered_status_at,
             ${originAssignments('$5')}
         WHERE funnel_ideas.version < EXCLUDED.version`,
        params: [change.ideaId, change.stage, change.version, change.at, origin],
      },
    ];
  }),
});
