import { Injectable } from '@nestjs/common';
import type { Page } from '#ikm/pagination';
import { DataSource } from 'typeorm';
import type { Challenge, ChallengePhase } from '../challenge.entity.js';
import { ChallengeRepository } from '../challenge.repository.js';

/** Latest closing first, in the phase asked for at `now`. */
@Injectable()
export class ListChallengesUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly challenges: ChallengeRepository,
  ) {}

  execute(filter: { phase?: ChallengePhase; limit: number; cursor?: string; now: Date }): Promise<Page<Challenge>> {
    return this.challenges.list(this.dataSource.manager, filter);
  }
}
