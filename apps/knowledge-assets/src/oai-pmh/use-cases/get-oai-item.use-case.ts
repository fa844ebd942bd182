import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AssetRepository } from '../../asset/asset.repository.js';
import { TaxonomyRepository } from '../../taxonomy/taxonomy.repository.js';
import { OaiItemRepository } from '../oai-item.repository.js';
import type { OaiItemPage } from './list-oai-items.use-case.js';

/** One item of the provider (GetRecord, ListMetadataFormats of an identifier), or none. */
@Injectable()
export class GetOaiItemUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly items: OaiItemRepository,
    private readonly assets: AssetRepository,
    private readonly taxonomy: TaxonomyRepository,
  ) {}

  execute({ assetId }: { assetId: string }): Promise<Omit<OaiItemPage, 'more' | 'total'> | null> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const row = await this.items.find(manager, assetId);
      if (!row) return null;
      const [version] = row.deleted ? [] : await this.assets.versionsById(manager, [row.versionId]);
      const conceptLabels = await this.taxonomy.prefLabelsOf(manager, row.deleted ? [] : row.subjects);
      return { items: [{ row, version: version ?? null }], conceptLabels };
    });
  }
}
