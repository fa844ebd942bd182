import { Module } from '@nestjs/common';
import { ChallengeController } from './challenge.controller.js';
import { ChallengeRepository } from './challenge.repository.js';
import { GetChallengeUseCase } from './use-cases/get-challenge.use-case.js';
import { ListChallengesUseCase } from './use-cases/list-challenges.use-case.js';
import { PoseChallengeUseCase } from './use-cases/pose-challenge.use-case.js';
import { UpdateChallengeUseCase } from './use-cases/update-challenge.use-case.js';

@Module({
  controllers: [ChallengeController],
  providers: [ChallengeRepository, PoseChallengeUseCase, UpdateChallengeUseCase, GetChallengeUseCase, ListChallengesUseCase],
  exports: [ChallengeRepository],
})
export class ChallengeModule {}
