import { Inject, Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '#ikm/auth';
import { DataSource } from 'typeorm';
import { actorOf } from '../../asset/actor.js';
import { AssetRepository } from '../../asset/asset.repository.js';
import { AssetError } from '../../asset/asset.errors.js';
import { TaxonomyRepository } from '../../taxonomy/taxonomy.repository.js';
import { dublinCoreOf } from '../dublin-core.mapping.js';
import type { DublinCoreRecord } from '../dublin-core-record.js';

export const PUBLIC_BASE_URL = Symbol('PUBLIC_BASE_URL');

/**
 * The asset as a Dublin Core record: the version `GET /assets/{id}` shows the caller (the same
 * visibility, the content withheld while under embargo for them), its other visible versions and what
 * it was captured from as relations, its concepts with their labels.
 */
@Injectable()
export class GetDublinCoreUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly assets: AssetRepository,
    private readonly taxonomy: TaxonomyRepository,
    @Inject(PUBLIC_BASE_URL) private readonly publicBaseUrl: string,
  ) {}

  async execute({ user, assetId }: { user: AuthenticatedUser; assetId: string }): Promise<DublinCoreRecord> {
    const manager = this.dataSource.manager;
    const versions = await this.assets.visibleVersions(manager, assetId, actorOf(user));
    const shown = versions.at(-1);
    if (!shown) throw AssetError.notFound(assetId);
    const base = this.publicBaseUrl.replace(/\/$/, '');
    const url = `${base}/api/v1/knowledge-assets/assets/${assetId}`;
    const relations = versions.filter((version) => version.number !== shown.number).map((version) => `${url}/versions/${version.number}`);
    if (shown.capturedFrom) relations.push(`${base}${shown.capturedFrom.url}`);
    return dublinCoreOf(shown.metadata(), {
      url,
      conceptLabels: await this.taxonomy.prefLabelsOf(manager, shown.subjects),
      relations,
      contentEmbargoed: shown.contentEmbargoed,
      uploadedMediaTypes: shown.uploadedFiles.map((file) => file.mediaType),
    });
  }
}
