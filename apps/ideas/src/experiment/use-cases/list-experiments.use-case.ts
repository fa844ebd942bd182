import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '#ikm/auth';
import { DataSource } from 'typeorm';
import { IdeaRepository } from '../../idea/idea.repository.js';
import { ExperimentResponse } from '../dto/experiment.dto.js';
import { ExperimentRepository } from '../experiment.repository.js';

/** An idea's experiments, in the order they started. */
@Injectable()
export class ListExperimentsUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ideas: IdeaRepository,
    private readonly experiments: ExperimentRepository,
  ) {}

  async execute({ user, ideaId }: { user: AuthenticatedUser; ideaId: string }): Promise<ExperimentResponse[]> {
    const manager = this.dataSource.manager;
    await this.ideas.getVisible(manager, ideaId, user.sub);
    return (await this.experiments.listForIdea(manager, ideaId)).map(ExperimentResponse.of);
  }
}
