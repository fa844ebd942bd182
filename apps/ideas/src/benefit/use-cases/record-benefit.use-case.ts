import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '#ikm/auth';
import { IdeaBenefitRecordedV1 } from '#ikm/contracts';
import { OutboxWriter } from '#ikm/messaging';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { eventOriginOf } from '../../idea/idea-events.js';
import { IdeaRepository } from '../../idea/idea.repository.js';
import { BenefitError } from '../benefit.errors.js';
import { BenefitRepository } from '../benefit.repository.js';
import { BenefitResponse, type RecordBenefitDto } from '../dto/benefit.dto.js';

/** A benefit an adopted idea realised in a period, recorded by its team or an IKMU administrator. */
@Injectable()
export class RecordBenefitUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ideas: IdeaRepository,
    private readonly benefits: BenefitRepository,
    private readonly outbox: OutboxWriter,
  ) {}

  async execute({ user, ideaId, benefit }: { user: AuthenticatedUser; ideaId: string; benefit: RecordBenefitDto }): Promise<BenefitResponse> {
    if (benefit.periodEnd < benefit.periodStart) throw BenefitError.invalidPeriod();
    return this.dataSource.transaction(async (manager) => {
      const idea = await this.ideas.getVisible(manager, ideaId, user.sub);
      if (!idea.isOnTeam(user.sub) && !user.roles.includes('ikmu_admin')) throw BenefitError.notAllowed();
      idea.assertStatus(['adopted', 'scaled'], 'recording benefits');
      const now = new Date();
      const recorded = await this.benefits.insert(manager, ideaId, { id: randomUUID(), ...benefit, recordedBy: user.sub, recordedAt: now });
      await this.outbox.append(manager, IdeaBenefitRecordedV1, ideaId, {
        ideaId,
        benefitId: recorded.id,
        ...eventOriginOf(idea),
        periodStart: recorded.periodStart,
        periodEnd: recorded.periodEnd,
        usdSaved: recorded.usdSaved,
        staffHoursSaved: recorded.staffHoursSaved,
        beneficiaries: recorded.beneficiaries,
        recordedBy: user.sub,
        recordedAt: now.toISOString(),
      });
      return BenefitResponse.of(recorded);
    });
  }
}
