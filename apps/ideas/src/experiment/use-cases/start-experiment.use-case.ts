import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '#ikm/auth';
import { ExperimentStartedV1 } from '#ikm/contracts';
import { OutboxWriter } from '#ikm/messaging';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { eventOriginOf } from '../../idea/idea-events.js';
import type { Idea } from '../../idea/idea.entity.js';
import { IdeaRepository } from '../../idea/idea.repository.js';
import { TransitionRecorder } from '../../idea/transition-recorder.js';
import { ExperimentResponse, type StartExperimentDto } from '../dto/experiment.dto.js';
import { assertMayRunExperiments } from '../experiment-access.js';
import { ExperimentError } from '../experiment.errors.js';
import { ExperimentRepository } from '../experiment.repository.js';

/** A safe-to-fail experiment on an accepted idea: starting the first one moves the idea to in_experiment. */
@Injectable()
export class StartExperimentUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ideas: IdeaRepository,
    private readonly experiments: ExperimentRepository,
    private readonly recorder: TransitionRecorder,
    private readonly outbox: OutboxWriter,
  ) {}

  async execute({ user, ideaId, plan }: { user: AuthenticatedUser; ideaId: string; plan: StartExperimentDto }): Promise<ExperimentResponse> {
    if (plan.endsOn < plan.startsOn) throw ExperimentError.invalidTimeBox();
    return this.dataSource.transaction(async (manager) => {
      const idea = await this.ideas.getVisibleForUpdate(manager, ideaId, user.sub);
      assertMayRunExperiments(idea, user);
      idea.assertStatus(['accepted', 'in_experiment'], 'starting an experiment');
      const now = new Date();
      if (idea.status === 'accepted') await this.moveToExperiment(manager, idea, user, now);
      const experiment = await this.experiments.insertRunning(manager, { id: randomUUID(), ideaId, ...plan, startedBy: user.sub, startedAt: now });
      await this.outbox.append(manager, ExperimentStartedV1, experiment.id, {
        experimentId: experiment.id,
        ideaId,
        ...eventOriginOf(idea),
        hypothesis: experiment.hypothesis,
        successMeasure: experiment.successMeasure,
        startsOn: experiment.startsOn,
        endsOn: experiment.endsOn,
        budgetUsd: experiment.budgetUsd,
        startedAt: now.toISOString(),
      });
      return ExperimentResponse.of(experiment);
    });
  }

  /** The lifecycle follows the work: an accepted idea whose first experiment starts is in_experiment. */
  private async moveToExperiment(manager: EntityManager, idea: Idea, user: AuthenticatedUser, now: Date): Promise<void> {
    const transition = idea.transition({ userId: user.sub, roles: user.roles }, 'in_experiment', 'experiment started', now, { pendingReviewers: [] });
    await this.ideas.save(manager, idea);
    await this.recorder.record(manager, idea, transition, user.sub, now);
  }
}
