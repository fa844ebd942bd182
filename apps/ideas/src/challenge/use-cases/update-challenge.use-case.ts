import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '#ikm/auth';
import { ChallengeUpdatedV1 } from '#ikm/contracts';
import { assertExpectedVersion } from '#ikm/domain';
import { OutboxWriter } from '#ikm/messaging';
import { DataSource } from 'typeorm';
import type { Challenge, ChallengeContent } from '../challenge.entity.js';
import { ChallengeError } from '../challenge.errors.js';
import { ChallengeRepository } from '../challenge.repository.js';

export interface UpdateChallengeCommand {
  user: AuthenticatedUser;
  challengeId: string;
  changes: Partial<ChallengeContent>;
  /** From If-Match: refuse the change when someone else changed the challenge meanwhile. */
  expectedVersion?: number;
}

@Injectable()
export class UpdateChallengeUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly challenges: ChallengeRepository,
    private readonly outbox: OutboxWriter,
  ) {}

  async execute({ user, challengeId, changes, expectedVersion }: UpdateChallengeCommand): Promise<Challenge> {
    return this.dataSource.transaction(async (manager) => {
      const challenge = await this.challenges.getForUpdate(manager, challengeId);
      if (challenge.sponsorId !== user.sub && !user.roles.includes('ikmu_admin')) throw ChallengeError.notSponsor(challengeId);
      assertExpectedVersion(expectedVersion, challenge.version, (expected, actual) => ChallengeError.versionMismatch(challengeId, expected, actual));
      const applied = challenge.edit(changes, new Date());
      if (challenge.closesAt <= challenge.opensAt) throw ChallengeError.invalidDates();
      if (Object.keys(applied).length === 0) return challenge;
      await this.challenges.save(manager, challenge);
      const { opensAt, closesAt, ...rest } = applied;
      await this.outbox.append(manager, ChallengeUpdatedV1, challenge.id, {
        challengeId: challenge.id,
        version: challenge.version,
        changes: { ...rest, ...(opensAt ? { opensAt: opensAt.toISOString() } : {}), ...(closesAt ? { closesAt: closesAt.toISOString() } : {}) },
        updatedAt: challenge.updatedAt.toISOString(),
      });
      return challenge;
    });
  }
}
