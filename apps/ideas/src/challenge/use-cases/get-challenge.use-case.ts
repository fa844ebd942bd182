import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Challenge } from '../challenge.entity.js';
import { ChallengeRepository } from '../challenge.repository.js';

@Injectable()
export class GetChallengeUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly challenges: ChallengeRepository,
  ) {}

  execute({ challengeId }: { challengeId: string }): Promise<Challenge> {
    return this.challenges.get(this.dataSource.manager, challengeId);
  }
}
