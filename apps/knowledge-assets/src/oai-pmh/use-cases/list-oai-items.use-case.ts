import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AssetVersion } from '../../asset/asset.entity.js';
import { AssetRepository } from '../../asset/asset.repository.js';
import { TaxonomyRepository } from '../../taxonomy/taxonomy.repository.js';
import type { Multilingual } from '../../asset/metadata/asset-metadata.js';
import { OaiItemRepository, type OaiItemRow, type OaiSelection } from '../oai-item.repository.js';

export interface OaiItem {
  row: OaiItemRow;
  /** The record's version: absent for a deleted item and when only headers were asked for. */
  version: AssetVersion | null;
}

export interface OaiItemPage {
  items: OaiItem[];
  /** Whether more items follow the page. */
  more: boolean;
  /** The size of the whole list, counted only when asked (the first page). */
  total: number | null;
  conceptLabels: Map<string, Multilingual>;
}

/** A page of the provider's items (ListRecords, ListIdentifiers): keyset in datestamp order, in one snapshot. */
@Injectable()
export class ListOaiItemsUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly items: OaiItemRepository,
    private readonly assets: AssetRepository,
    private readonly taxonomy: TaxonomyRepository,
  ) {}

  execute(query: { selection: OaiSelection; after: { datestamp: Date; assetId: string } | null; limit: number; withRecords: boolean; count: boolean }): Promise<OaiItemPage> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const rows = await this.items.page(manager, query.selection, query.after, query.limit + 1);
      const page = rows.slice(0, query.limit);
      const total = query.count ? await this.items.count(manager, query.selection) : null;
      const live = query.withRecords ? page.filter((row) => !row.deleted) : [];
      const versions = new Map((await this.assets.versionsById(manager, live.map((row) => row.versionId))).map((version) => [version.id, version]));
      const conceptLabels = await this.taxonomy.prefLabelsOf(manager, [...new Set(live.flatMap((row) => row.subjects))]);
      return { items: page.map((row) => ({ row, version: versions.get(row.versionId) ?? null })), more: rows.length > query.limit, total, conceptLabels };
    });
  }
}
