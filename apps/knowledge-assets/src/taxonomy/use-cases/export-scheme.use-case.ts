import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { skosJsonLd } from '../skos-jsonld.js';
import { TaxonomyRepository } from '../taxonomy.repository.js';
import { TAXONOMY_SCHEME_ID } from '../taxonomy.seed.js';

/** The whole scheme as SKOS in JSON-LD, read in one snapshot so hierarchy and labels agree. */
@Injectable()
export class ExportSchemeUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly taxonomy: TaxonomyRepository,
  ) {}

  execute(): Promise<Record<string, unknown>> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) =>
      skosJsonLd(await this.taxonomy.scheme(manager, TAXONOMY_SCHEME_ID), await this.taxonomy.all(manager, TAXONOMY_SCHEME_ID)),
    );
  }
}
