import { ExperimentConcludedV1, ExperimentStartedV1 } from '#ikm/contracts';
import { defineProjection, when } from '../projection/projection.js';

/** Lessons count only when there is something to read: blank text is no lesson. */
export function hasLessons(lessons: string | null): boolean {
  return (lessons ?? '').trim().length > 0;
}

/**
 * Experiments run and how they ended. Experiment events carry no version; both writes are idempotent
 * by experiment id instead (a start is recorded once, a conclusion overwrites itself with the same values).
 */
export const EXPERIMENT_PROJECTION = defineProjection({
  name: 'experiments',
  tables: ['experiments'],
  on: [
    when(ExperimentStartedV1, (data) => [
      {
        sql: `INSERT INTO experiments (experiment_id, idea_id, challenge_id, region, started_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (experiment_id) DO NOTHING`,
        params: [data.experimentId, data.ideaId, data.challengeId ?? null, data.region ?? null, data.startedAt],
      },
    ]),
    // Inserts too, so a conclusion whose start was never seen is still counted as concluded.
    when(ExperimentConcludedV1, (data) => [
      {
        sql: `INSERT INTO experiments (experiment_id, idea_id, challenge_id, region, concluded_at, outcome, has_lessons)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (experiment_id) DO UPDATE
           SET concluded_at = EXCLUDED.concluded_at, outcome = EXCLUDED.outcome, has_lessons = EXCLUDED.has_lessons,
               challenge_id = COALESCE(EXCLUDED.challenge_id, experiments.challenge_id),
               region = COALESCE(EXCLUDED.region, experiments.region)`,
        params: [data.experimentId, data.ideaId, data.challengeId ?? null, data.region ?? null, data.concludedAt, data.outcome, hasLessons(data.lessons)],
      },
    ]),
  ],
});
