import { Injectable } from '@nestjs/common';
import { IDEA_STATUSES } from '#ikm/contracts';
import { DataSource } from 'typeorm';
import type { FunnelQuery } from '../dto/funnel.query.js';
import type { FunnelResponse } from '../dto/funnel.response.js';
import { FunnelRepository } from '../funnel.repository.js';

@Injectable()
export class GetFunnelUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly funnel: FunnelRepository,
  ) {}

  async execute({ challengeId, region }: FunnelQuery): Promise<FunnelResponse> {
    const counts = await this.funnel.ideasByStatus(this.dataSource.manager, { challengeId, region });
    const stages = IDEA_STATUSES.map((status) => ({ status, ideas: counts.get(status) ?? 0 }));
    return { stages, total: stages.reduce((sum, stage) => sum + stage.ideas, 0) };
  }
}
