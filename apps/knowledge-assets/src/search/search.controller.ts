import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type AuthenticatedUser } from '#ikm/auth';
import { SearchAssetsQuery } from './dto/search-assets.query.js';
import { SearchResponse } from './dto/search.response.js';
import { SearchAssetsUseCase } from './use-cases/search-assets.use-case.js';

/** `GET /knowledge-assets/assets/search`: a static path, which Fastify's router prefers to `assets/:id` whatever the order. */
@ApiTags('knowledge assets')
@Controller('assets/search')
export class SearchController {
  constructor(private readonly searchAssets: SearchAssetsUseCase) {}

  @ApiOperation({ summary: 'Search assets: full text in many languages, taxonomy expansion, facets' })
  @Get()
  @ApiOkResponse({ type: SearchResponse, description: 'The published version of each asset you may read (access and embargo applied in the query, counts included).' })
  async search(@CurrentUser() user: AuthenticatedUser, @Query() query: SearchAssetsQuery): Promise<SearchResponse> {
    return SearchResponse.of(await this.searchAssets.execute({ user, query }));
  }
}
