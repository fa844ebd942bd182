import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '#ikm/auth';
import { actorOf } from '../../asset/actor.js';
import type { SearchAssetsQuery } from '../dto/search-assets.query.js';
import { SearchRepository, type SearchResult } from '../search.repository.js';

@Injectable()
export class SearchAssetsUseCase {
  constructor(private readonly search: SearchRepository) {}

  execute({ user, query }: { user: AuthenticatedUser; query: SearchAssetsQuery }): Promise<SearchResult> {
    const { q, lang, sort, limit, cursor, ...filters } = query;
    return this.search.search({ ...filters, viewer: actorOf(user), text: q, languages: lang, sort: sort ?? (q ? 'relevance' : 'newest'), limit, cursor });
  }
}
