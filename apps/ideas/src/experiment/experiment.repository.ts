import { Injectable } from '@nestjs/common';
import type { ExperimentOutcome } from '#ikm/contracts';
import type { EntityManager } from 'typeorm';

/** An experiment as stored: dates as `YYYY-MM-DD`, the budget as a number. */
export interface Experiment {
  id: string;
  ideaId: string;
  hypothesis: string;
  successMeasure: string;
  startsOn: string;
  endsOn: string;
  budgetUsd: number;
  status: 'running' | 'concluded';
  outcome: ExperimentOutcome | null;
  lessons: string | null;
  startedBy: string;
  startedAt: Date;
  concludedAt: Date | null;
}

interface ExperimentRow {
  id: string;
  idea_id: string;
  hypothesis: string;
  success_measure: string;
  starts_on: string;
  ends_on: string;
  budget_usd: string;
  status: 'running' | 'concluded';
  outcome: ExperimentOutcome | null;
  lessons: string | null;
  started_by: string;
  started_at: Date;
  concluded_at: Date | null;
}

const COLUMNS = `id, idea_id, hypothesis, success_measure, to_char(starts_on, 'YYYY-MM-DD') AS starts_on, to_char(ends_on, 'YYYY-MM-DD') AS ends_on,
  budget_usd, status, outcome, lessons, started_by, started_at, concluded_at`;

function experimentOf(row: ExperimentRow): Experiment {
  return {
    id: row.id,
    ideaId: row.idea_id,
    hypothesis: row.hypothesis,
    successMeasure: row.success_measure,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    budgetUsd: Number(row.budget_usd),
    status: row.status,
    outcome: row.outcome,
    lessons: row.lessons,
    startedBy: row.started_by,
    startedAt: row.started_at,
    concludedAt: row.concluded_at,
  };
}

/** An idea's experiments. */
@Injectable()
export class ExperimentRepository {
  async insertRunning(
    manager: EntityManager,
    experiment: { id: string; ideaId: string; hypothesis: string; successMeasure: string; startsOn: string; endsOn: string; budgetUsd: number; startedBy: string; startedAt: Date },
  ): Promise<Experiment> {
    const [row]: ExperimentRow[] = await manager.query(
      `INSERT INTO experiments (id, idea_id, hypothesis, success_measure, starts_on, ends_on, budget_usd, status, started_by, started_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'running', $8, $9) RETURNING ${COLUMNS}`,
      [
        experiment.id,
        experiment.ideaId,
        experiment.hypothesis,
        experiment.successMeasure,
        experiment.startsOn,
        experiment.endsOn,
        experiment.budgetUsd,
        experiment.startedBy,
        experiment.startedAt,
      ],
    );
    return experimentOf(row);
  }

  /** Locked for the rest of the transaction; undefined when the idea has no such experiment. */
  async findForUpdate(manager: EntityManager, ideaId: string, experimentId: string): Promise<Experiment | undefined> {
    const [row]: ExperimentRow[] = await manager.query(`SELECT ${COLUMNS} FROM experiments WHERE id = $1 AND idea_id = $2 FOR UPDATE`, [experimentId, ideaId]);
    return row && experimentOf(row);
  }

  async conclude(manager: EntityManager, experimentId: string, conclusion: { outcome: ExperimentOutcome; lessons: string | null; at: Date }): Promise<Experiment> {
    // TypeORM returns [rows, affected] for UPDATE.
    const [[row]]: [ExperimentRow[], number] = await manager.query(
      `UPDATE experiments SET status = 'concluded', outcome = $2, lessons = $3, concluded_at = $4 WHERE id = $1 RETURNING ${COLUMNS}`,
      [experimentId, conclusion.outcome, conclusion.lessons, conclusion.at],
    );
    return experimentOf(row);
  }

  /** In the order they started. */
  async listForIdea(manager: EntityManager, ideaId: string): Promise<Experiment[]> {
    const rows: ExperimentRow[] = await manager.query(`SELECT ${COLUMNS} FROM experiments WHERE idea_id = $1 ORDER BY started_at, id`, [ideaId]);
    return rows.map(experimentOf);
  }
}
