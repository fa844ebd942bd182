import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '#ikm/auth';
import { DataSource } from 'typeorm';
import { actorOf } from '../../asset/actor.js';
import { AssetRepository } from '../../asset/asset.repository.js';
import type { AssetUsageResponse, ReuseLinkResponse } from '../dto/usage.response.js';
import { todayUtc } from '../../review/review-dates.js';
import { UsageError } from '../usage.errors.js';
import { UsageRepository, type ReuseLink, type UsagePeriod } from '../usage.repository.js';

const DAY_MS = 86_400_000;
/** The longest window per period, so that one request never scans years of actions day by day. */
const MAX_DAYS: Record<UsagePeriod, number> = { day: 366, month: 3_660 };

const SOURCE_PATHS: Record<ReuseLink['kind'], string> = { idea: '/api/v1/ideas', discussion: '/api/v1/communities/discussions', sharing_event: '/api/v1/communities/events' };

/** An asset's counted use per period and the sources citing it, for whoever may see the asset. */
@Injectable()
export class GetUsageUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly assets: AssetRepository,
    private readonly usage: UsageRepository,
  ) {}

  async execute({ user, assetId, from, to, period }: { user: AuthenticatedUser; assetId: string; from?: string; to?: string; period: UsagePeriod }): Promise<AssetUsageResponse> {
    // Nothing is counted after today: the window ends there (and never past year 9999, which pg could not read).
    const today = todayUtc();
    const lastDay = to !== undefined && to < today ? to : today;
    const firstDay = from ?? new Date(Date.parse(lastDay) - 30 * DAY_MS).toISOString().slice(0, 10);
    const start = new Date(`${firstDay}T00:00:00Z`);
    const end = new Date(Date.parse(`${lastDay}T00:00:00Z`) + DAY_MS);
    if (start >= end) throw UsageError.invalidWindow('from', `must be on or before to and today (${lastDay})`);
    if ((end.getTime() - start.getTime()) / DAY_MS > MAX_DAYS[period]) throw UsageError.invalidWindow('from', `must be at most ${MAX_DAYS[period]} days before to for period=${period}`);
    const manager = this.dataSource.manager;
    await this.assets.latestVisible(manager, assetId, actorOf(user));
    const [{ periods, totals }, links] = await Promise.all([this.usage.usage(manager, [assetId], start, end, period), this.usage.reusedIn(manager, assetId)]);
    return { assetId, from: firstDay, to: lastDay, period, totals, periods, reusedIn: links.map(reuseLinkResponse) };
  }
}

function reuseLinkResponse(link: ReuseLink): ReuseLinkResponse {
  return { ...link, since: link.since.toISOString(), url: `${SOURCE_PATHS[link.kind]}/${link.id}` };
}
