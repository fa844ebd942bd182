import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { rowsByKey, type Breakdown } from '../../reporting/breakdown.js';
import { shareOf } from '../../reporting/share.js';
import type { ConversionResponse } from '../dto/conversion.response.js';
import { CONVERSION_STEPS } from '../forward-chain.js';
import { FunnelRepository } from '../funnel.repository.js';

@Injectable()
export class GetConversionUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly funnel: FunnelRepository,
  ) {}

  async execute(by: Breakdown | undefined): Promise<ConversionResponse> {
    const rows = await this.funnel.conversion(this.dataSource.manager, by, CONVERSION_STEPS);
    const groups = [...rowsByKey(rows)].map(([key, groupRows]) => ({
      key,
      steps: CONVERSION_STEPS.map(({ from, to }) => {
        const row = groupRows.find((candidate) => candidate.from === from && candidate.to === to);
        const reached = row?.reached ?? 0;
        const converted = row?.converted ?? 0;
        return { from, to, reached, converted, rate: shareOf(converted, reached) };
      }),
    }));
    return { groups };
  }
}
