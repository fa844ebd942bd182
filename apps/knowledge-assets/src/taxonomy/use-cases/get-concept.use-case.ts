import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { TaxonomyRepository, type ConceptView } from '../taxonomy.repository.js';

@Injectable()
export class GetConceptUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly taxonomy: TaxonomyRepository,
  ) {}

  execute({ conceptId }: { conceptId: string }): Promise<ConceptView> {
    return this.taxonomy.get(this.dataSource.manager, conceptId);
  }
}
