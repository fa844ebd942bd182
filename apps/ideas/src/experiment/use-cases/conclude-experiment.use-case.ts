import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '#ikm/auth';
import { ExperimentConcludedV1, type ExperimentOutcome } from '#ikm/contracts';
import { OutboxWriter } from '#ikm/messaging';
import { DataSource } from 'typeorm';
import { eventOriginOf } from '../../idea/idea-events.js';
import { IdeaRepository } from '../../idea/idea.repository.js';
import { ExperimentResponse } from '../dto/experiment.dto.js';
import { assertMayRunExperiments } from '../experiment-access.js';
import { ExperimentError } from '../experiment.errors.js';
import { ExperimentRepository } from '../experiment.repository.js';

/** Records how an experiment ended and its lessons: an invalidated experiment with lessons is a learning result. */
@Injectable()
export class ConcludeExperimentUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ideas: IdeaRepository,
    private readonly experiments: ExperimentRepository,
    private readonly outbox: OutboxWriter,
  ) {}

  async execute(command: { user: AuthenticatedUser; ideaId: string; experimentId: string; outcome: ExperimentOutcome; lessons?: string }): Promise<ExperimentResponse> {
    const { user, ideaId, experimentId, outcome, lessons } = command;
    return this.dataSource.transaction(async (manager) => {
      const idea = await this.ideas.getVisibleForUpdate(manager, ideaId, user.sub);
      assertMayRunExperiments(idea, user);
      const current = await this.experiments.findForUpdate(manager, ideaId, experimentId);
      if (!current) throw ExperimentError.notFound(experimentId);
      if (current.status === 'concluded') throw ExperimentError.alreadyConcluded(experimentId);
      const now = new Date();
      const response = ExperimentResponse.of(await this.experiments.conclude(manager, experimentId, { outcome, lessons: lessons ?? null, at: now }));
      await this.outbox.append(manager, ExperimentConcludedV1, experimentId, {
        experimentId,
        ideaId,
        ...eventOriginOf(idea),
        outcome,
        lessons: response.lessons,
        learningResult: response.learningResult,
        ideaTitle: idea.title,
        hypothesis: response.hypothesis,
        team: idea.members(),
        concludedAt: now.toISOString(),
      });
      return response;
    });
  }
}
