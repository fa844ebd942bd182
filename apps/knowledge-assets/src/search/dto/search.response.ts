import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ACCESS_LEVELS, ASSET_TYPES, type AccessLevel, type AssetType } from '#ikm/contracts';
import { CURSOR_EXAMPLE } from '#ikm/http';
import { FACETS, type Facet, type FacetCount, type SearchHit, type SearchResult } from '../search.repository.js';

const LANGUAGE_MAP = { type: 'object', additionalProperties: { type: 'string' } } as const;

class SearchHighlights {
  @ApiProperty({ ...LANGUAGE_MAP, description: 'Per language in which it matched: the title, matches in <mark>, the rest HTML-escaped.' })
  title: Record<string, string>;
  @ApiProperty({ ...LANGUAGE_MAP, description: 'Per language in which it matched: up to two passages of the abstract.' })
  abstract: Record<string, string>;
  @ApiProperty({ ...LANGUAGE_MAP, description: 'Per language in which they matched: the keywords, separated by " ; ".' })
  keywords: Record<string, string>;
}

export class SearchHitResponse {
  @ApiProperty({ format: 'uuid', description: 'The asset (its URL shows the same published version).' }) id: string;
  @ApiProperty() versionNumber: number;
  @ApiProperty({ enum: ASSET_TYPES }) type: AssetType;
  @ApiProperty(LANGUAGE_MAP) title: Record<string, string>;
  @ApiProperty({ type: String, format: 'date', nullable: true }) dateIssued: string | null;
  @ApiProperty({ type: [String] }) languages: string[];
  @ApiProperty({ type: [String] }) subjects: string[];
  @ApiProperty({ enum: ACCESS_LEVELS }) accessLevel: AccessLevel;
  @ApiProperty({ description: 'Relevance, 0 to 1 (0 without `q`).' }) relevance: number;
  @ApiProperty({ type: SearchHighlights }) highlights: SearchHighlights;

  static of(hit: SearchHit): SearchHitResponse {
    const { score, day: _day, ...rest } = hit;
    return { ...rest, relevance: score / 1_000_000 };
  }
}

class FacetCountResponse implements FacetCount {
  @ApiProperty({ description: 'A type, concept id, region, country code, language tag, source platform, year or access level.' }) value: string;
  @ApiProperty() count: number;
}

class SearchFacetsResponse implements Record<Facet, FacetCount[]> {
  @ApiProperty({ type: [FacetCountResponse] }) type: FacetCount[];
  @ApiProperty({ type: [FacetCountResponse], description: 'Concepts the results are tagged with directly.' }) subject: FacetCount[];
  @ApiProperty({ type: [FacetCountResponse] }) region: FacetCount[];
  @ApiProperty({ type: [FacetCountResponse] }) country: FacetCount[];
  @ApiProperty({ type: [FacetCountResponse] }) language: FacetCount[];
  @ApiProperty({ type: [FacetCountResponse] }) source: FacetCount[];
  @ApiProperty({ type: [FacetCountResponse] }) year: FacetCount[];
  @ApiProperty({ type: [FacetCountResponse] }) accessLevel: FacetCount[];
}

export class SearchResponse {
  @ApiProperty({ type: [SearchHitResponse] }) items: SearchHitResponse[];
  @ApiPropertyOptional({ nullable: true, type: String, example: CURSOR_EXAMPLE, description: 'Pass as `cursor` for the next page (same q, filters and sort); null on the last.' })
  nextCursor: string | null;
  @ApiProperty({ description: 'Every result you may see, all pages together.' }) total: number;
  @ApiProperty({ type: SearchFacetsResponse, description: `Counts over all the results (${FACETS.join(', ')}), the most frequent 50 values of each first.` })
  facets: SearchFacetsResponse;

  static of(result: SearchResult): SearchResponse {
    return { items: result.page.items.map(SearchHitResponse.of), nextCursor: result.page.nextCursor, total: result.total, facets: result.facets };
  }
}
