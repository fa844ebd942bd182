import { Module } from '@nestjs/common';
import { TaxonomyController } from './taxonomy.controller.js';
import { TaxonomyRepository } from './taxonomy.repository.js';
import { CreateConceptUseCase } from './use-cases/create-concept.use-case.js';
import { ExportSchemeUseCase } from './use-cases/export-scheme.use-case.js';
import { GetConceptUseCase } from './use-cases/get-concept.use-case.js';
import { ListConceptsUseCase } from './use-cases/list-concepts.use-case.js';
import { UpdateConceptUseCase } from './use-cases/update-concept.use-case.js';

/**
 * The SKOS taxonomy. The service adds TAXONOMY_ENTITIES and CreateTaxonomy1764300000001 to its data
 * source; the repository is exported for search (subjects and their narrower concepts).
 */
@Module({
  controllers: [TaxonomyController],
  providers: [TaxonomyRepository, CreateConceptUseCase, UpdateConceptUseCase, GetConceptUseCase, ListConceptsUseCase, ExportSchemeUseCase],
  exports: [TaxonomyRepository],
})
export class TaxonomyModule {}
