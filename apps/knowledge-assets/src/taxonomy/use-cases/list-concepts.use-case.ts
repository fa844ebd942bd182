import { Injectable } from '@nestjs/common';
import type { Page } from '#ikm/pagination';
import { DataSource } from 'typeorm';
import { TaxonomyRepository, type ConceptView } from '../taxonomy.repository.js';
import { TAXONOMY_SCHEME_ID } from '../taxonomy.seed.js';

/** The scheme's concepts, oldest first. */
@Injectable()
export class ListConceptsUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly taxonomy: TaxonomyRepository,
  ) {}

  execute(page: { limit: number; cursor?: string }): Promise<Page<ConceptView>> {
    return this.taxonomy.list(this.dataSource.manager, TAXONOMY_SCHEME_ID, page);
  }
}
