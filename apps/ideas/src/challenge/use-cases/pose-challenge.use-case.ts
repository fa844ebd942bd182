import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '#ikm/auth';
import { ChallengeCreatedV1 } from '#ikm/contracts';
import { OutboxWriter } from '#ikm/messaging';
import { DataSource } from 'typeorm';
import { Challenge, type ChallengeContent } from '../challenge.entity.js';
import { ChallengeError } from '../challenge.errors.js';
import { ChallengeRepository } from '../challenge.repository.js';

@Injectable()
export class PoseChallengeUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly challenges: ChallengeRepository,
    private readonly outbox: OutboxWriter,
  ) {}

  async execute({ user, content }: { user: AuthenticatedUser; content: ChallengeContent }): Promise<Challenge> {
    if (content.closesAt <= content.opensAt) throw ChallengeError.invalidDates();
    const challenge = Challenge.pose({ userId: user.sub, unit: user.unit }, content, new Date());
    await this.dataSource.transaction(async (manager) => {
      await manager.insert(Challenge, challenge);
      await this.outbox.append(manager, ChallengeCreatedV1, challenge.id, {
        challengeId: challenge.id,
        version: challenge.version,
        title: challenge.title,
        description: challenge.description,
        sponsorId: challenge.sponsorId,
        sponsorUnit: challenge.sponsorUnit,
        opensAt: challenge.opensAt.toISOString(),
        closesAt: challenge.closesAt.toISOString(),
        themes: challenge.themes,
        criteria: challenge.criteria,
        createdAt: challenge.createdAt.toISOString(),
      });
    });
    return challenge;
  }
}
