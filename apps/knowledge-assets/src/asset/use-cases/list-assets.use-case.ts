import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '#ikm/auth';
import type { Page } from '#ikm/pagination';
import type { ListAssetsQuery } from '../dto/list-assets.query.js';
import type { AssetVersion } from '../asset.entity.js';
import { AssetRepository } from '../asset.repository.js';
import { actorOf } from '../actor.js';

@Injectable()
export class ListAssetsUseCase {
  constructor(private readonly assets: AssetRepository) {}

  execute({ user, query }: { user: AuthenticatedUser; query: ListAssetsQuery }): Promise<Page<AssetVersion>> {
    return this.assets.list({
      viewer: actorOf(user),
      limit: query.limit,
      cursor: query.cursor,
      sort: query.sort,
      type: query.type,
      status: query.status,
      unit: query.unit,
      language: query.language,
      country: query.country,
      region: query.region,
      subject: query.subject,
      accessLevel: query.accessLevel,
      mine: query.creator === 'me',
    });
  }
}
