import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '#ikm/auth';
import { DataSource } from 'typeorm';
import { IdeaRepository } from '../../idea/idea.repository.js';
import { BenefitRepository } from '../benefit.repository.js';
import { BenefitResponse, type BenefitsResponse } from '../dto/benefit.dto.js';

/** What an idea gained the organisation, period by period, with the totals. */
@Injectable()
export class ListBenefitsUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ideas: IdeaRepository,
    private readonly benefits: BenefitRepository,
  ) {}

  async execute({ user, ideaId }: { user: AuthenticatedUser; ideaId: string }): Promise<BenefitsResponse> {
    const manager = this.dataSource.manager;
    await this.ideas.getVisible(manager, ideaId, user.sub);
    const items = (await this.benefits.listForIdea(manager, ideaId)).map(BenefitResponse.of);
    const totals = items.reduce(
      (sum, item) => ({
        usdSaved: sum.usdSaved + item.usdSaved,
        staffHoursSaved: sum.staffHoursSaved + item.staffHoursSaved,
        beneficiaries: sum.beneficiaries + item.beneficiaries,
      }),
      { usdSaved: 0, staffHoursSaved: 0, beneficiaries: 0 },
    );
    return { items, totals: { ...totals, usdSaved: Math.round(totals.usdSaved * 100) / 100, staffHoursSaved: Math.round(totals.staffHoursSaved * 100) / 100 } };
  }
}
