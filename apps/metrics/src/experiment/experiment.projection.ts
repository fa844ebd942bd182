import { Injectable } from '@nestjs/common';
import { ExperimentConcludedV1, ExperimentStartedV1, type EventData } from '#ikm/contracts';
import type { LoggedEvent, Projection, ProjectionStatement } from '../projection/projection.js';

/** Lessons count only when there is something to read: blank text is no lesson. */
export function hasLessons(lessons: string | null): boolean {
  return (lessons ?? '').trim().length > 0;
}

/**
 * Experiments run and how they ended. Experiment events carry no version; both writes are idempotent
 * by experiment id instead (a start is recorded once, a conclusion overwrites itself with the same values).
 */
@Injectable()
export class ExperimentProjection implements Projection {
  readonly name = 'experiments';
  readonly tables = ['experiments'];

  statementsFor(event: LoggedEvent): ProjectionStatement[] {
    if (event.type === ExperimentStartedV1.type) {
      const data = event.data as EventData<typeof ExperimentStartedV1>;
      return [
        {
          sql: `INSERT INTO experiments (experiment_id, idea_id, challenge_id, region, started_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (experiment_id) DO NOTHING`,
          params: [data.experimentId, data.ideaId, data.challengeId ?? null, data.region ?? null, data.startedAt],
        },
      ];
    }
    if (event.type === ExperimentConcludedV1.type) {
      const data = event.data as EventData<typeof ExperimentConcludedV1>;
      // Inserts too, so a conclusion whose start was never seen is still counted as concluded.
      return [
        {
          sql: `INSERT INTO experiments (experiment_id, idea_id, challenge_id, region, concluded_at, outcome, has_lessons)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (experiment_id) DO UPDATE
           SET concluded_at = EXCLUDED.concluded_at, outcome = EXCLUDED.outcome, has_lessons = EXCLUDED.has_lessons,
               challenge_id = COALESCE(EXCLUDED.challenge_id, experiments.challenge_id),
               region = COALESCE(EXCLUDED.region, experiments.region)`,
          params: [data.experimentId, data.ideaId, data.challengeId ?? null, data.region ?? null, data.concludedAt, data.outcome, hasLessons(data.lessons)],
        },
      ];
    }
    return [];
  }
}
