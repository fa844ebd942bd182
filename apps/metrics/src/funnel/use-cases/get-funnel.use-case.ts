import { Injectable } from '@nestjs/common';
import { IDEA_STATUSES, type IdeaStatus } from '#ikm/contracts';
import { DataSource } from 'typeorm';
import type { FunnelQuery } from '../dto/funnel.query.js';
import type { FunnelResponse } from '../dto/funnel.response.js';

@Injectable()
export class GetFunnelUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute({ challengeId, region }: FunnelQuery): Promise<FunnelResponse> {
    const rows: Array<{ status: IdeaStatus; ideas: string }> = await this.dataSource.query(
      `SELECT status, count(*) AS ideas FROM funnel_ideas
       WHERE ($1::uuid IS NULL OR challenge_id = $1) AND ($2::text IS NULL OR region = $2)
       GROUP BY status`,
      [challengeId ?? null, region ?? null],
    );
    const counts = new Map(rows.map((row) => [row.status, Number(row.ideas)]));
    const stages = IDEA_STATUSES.map((status) => ({ status, ideas: counts.get(status) ?? 0 }));
    return { stages, total: stages.reduce((sum, stage) => sum + stage.ideas, 0) };
  }
}
