import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type Breakdown } from '../../reporting/breakdown.js';
import { shareOf } from '../../reporting/share.js';
import type { ExperimentResultsResponse } from '../dto/experiment-results.response.js';
import { ExperimentRepository } from '../experiment.repository.js';

@Injectable()
export class GetExperimentResultsUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly experiments: ExperimentRepository,
  ) {}

  async execute(by: Breakdown | undefined): Promise<ExperimentResultsResponse> {
    const rows = await this.experiments.countsByGroup(this.dataSource.manager, by);
    const groups = rows.map(({ key, started, validated, invalidated, inconclusive, concluded, withLessons, learningResults }) => ({
      key,
      started,
      concluded: { validated, invalidated, inconclusive, total: concluded },
      withLessons,
      lessonsShare: shareOf(withLessons, concluded),
      learningResults,
    }));
    return { groups };
  }
}
