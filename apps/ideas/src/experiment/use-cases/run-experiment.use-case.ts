import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '#ikm/auth';
import { ExperimentConcludedV1, ExperimentStartedV1, type ExperimentOutcome } from '#ikm/contracts';
import { OutboxWriter } from '#ikm/messaging';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { originOf } from '../../idea/idea-events.js';
import type { Idea } from '../../idea/idea.entity.js';
import { IdeaRepository } from '../../idea/idea.repository.js';
import { TransitionRecorder } from '../../idea/transition-recorder.js';
import type { ExperimentResponse, StartExperimentDto } from '../dto/experiment.dto.js';
import { ExperimentError } from '../experiment.errors.js';

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

function responseOf(row: ExperimentRow): ExperimentResponse {
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
    learningResult: row.outcome === 'invalidated' && !!row.lessons,
    startedBy: row.started_by,
    startedAt: row.started_at.toISOString(),
    concludedAt: row.concluded_at?.toISOString() ?? null,
  };
}

/**
 * Safe-to-fail experiments on an accepted idea: starting the first one moves the idea to
 * in_experiment; concluding records the outcome and the lessons, and an invalidated experiment with
 * lessons counts as a learning result.
 */
@Injectable()
export class RunExperimentUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ideas: IdeaRepository,
    private readonly recorder: TransitionRecorder,
    private readonly outbox: OutboxWriter,
  ) {}

  async start({ user, ideaId, plan }: { user: AuthenticatedUser; ideaId: string; plan: StartExperimentDto }): Promise<ExperimentResponse> {
    if (plan.endsOn < plan.startsOn) throw ExperimentError.invalidTimeBox();
    return this.dataSource.transaction(async (manager) => {
      const idea = await this.ideas.getVisibleForUpdate(manager, ideaId, user.sub);
      this.assertMayRun(idea, user);
      idea.assertStatus(['accepted', 'in_experiment'], 'starting an experiment');
      const now = new Date();
      if (idea.status === 'accepted') await this.moveToExperiment(manager, idea, user, now);
      const [row]: ExperimentRow[] = await manager.query(
        `INSERT INTO experiments (id, idea_id, hypothesis, success_measure, starts_on, ends_on, budget_usd, status, started_by, started_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'running', $8, $9) RETURNING ${COLUMNS}`,
        [randomUUID(), ideaId, plan.hypothesis, plan.successMeasure, plan.startsOn, plan.endsOn, plan.budgetUsd, user.sub, now],
      );
      await this.outbox.append(manager, ExperimentStartedV1, row.id, {
        experimentId: row.id,
        ideaId,
        ...originOf(idea),
        hypothesis: row.hypothesis,
        successMeasure: row.success_measure,
        startsOn: row.starts_on,
        endsOn: row.ends_on,
        budgetUsd: Number(row.budget_usd),
        startedAt: now.toISOString(),
      });
      return responseOf(row);
    });
  }

  async conclude(command: { user: AuthenticatedUser; ideaId: string; experimentId: string; outcome: ExperimentOutcome; lessons?: string }): Promise<ExperimentResponse> {
    const { user, ideaId, experimentId, outcome, lessons } = command;
    return this.dataSource.transaction(async (manager) => {
      const idea = await this.ideas.getVisibleForUpdate(manager, ideaId, user.sub);
      this.assertMayRun(idea, user);
      const [current]: ExperimentRow[] = await manager.query(`SELECT ${COLUMNS} FROM experiments WHERE id = $1 AND idea_id = $2 FOR UPDATE`, [experimentId, ideaId]);
      if (!current) throw ExperimentError.notFound(experimentId);
      if (current.status === 'concluded') throw ExperimentError.alreadyConcluded(experimentId);
      const now = new Date();
      const [[row]]: [ExperimentRow[], number] = await manager.query(
        `UPDATE experiments SET status = 'concluded', outcome = $2, lessons = $3, concluded_at = $4 WHERE id = $1 RETURNING ${COLUMNS}`,
        [experimentId, outcome, lessons ?? null, now],
      );
      const response = responseOf(row);
      await this.outbox.append(manager, ExperimentConcludedV1, experimentId, {
        experimentId,
        ideaId,
        ...originOf(idea),
        outcome,
        lessons: response.lessons,
        learningResult: response.learningResult,
        concludedAt: now.toISOString(),
      });
      return response;
    });
  }

  async list({ user, ideaId }: { user: AuthenticatedUser; ideaId: string }): Promise<ExperimentResponse[]> {
    await this.ideas.getVisible(ideaId, user.sub);
    const rows: ExperimentRow[] = await this.dataSource.query(`SELECT ${COLUMNS} FROM experiments WHERE idea_id = $1 ORDER BY started_at, id`, [ideaId]);
    return rows.map(responseOf);
  }

  private assertMayRun(idea: Idea, user: AuthenticatedUser): void {
    if (!idea.isOnTeam(user.sub) && !user.roles.includes('ikmu_admin')) throw ExperimentError.notAllowed();
  }

  /** The lifecycle follows the work: an accepted idea whose first experiment starts is in_experiment. */
  private async moveToExperiment(manager: EntityManager, idea: Idea, user: AuthenticatedUser, now: Date): Promise<void> {
    const transition = idea.transition({ userId: user.sub, roles: user.roles }, 'in_experiment', 'experiment started', now, { pendingReviewers: [] });
    await this.ideas.save(manager, idea);
    await this.recorder.record(manager, idea, transition, user.sub, now);
  }
}
