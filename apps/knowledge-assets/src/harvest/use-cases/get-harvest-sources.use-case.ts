import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { HarvestSource } from '../harvest-source.js';
import { HarvestSourceRepository } from '../harvest-source.repository.js';
import { HarvestError } from '../harvest.errors.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Sources as km_officers and ikmu_admins read them: all of them (a few per organisation). */
@Injectable()
export class GetHarvestSourcesUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sources: HarvestSourceRepository,
  ) {}

  async one(sourceId: string): Promise<HarvestSource> {
    const source = await this.sources.find(this.dataSource.manager, sourceId);
    if (!source) throw HarvestError.sourceNotFound(sourceId);
    return source;
  }

  /** By id or by name (what `npm run harvest -- <source>` is given). */
  async byIdOrName(reference: string): Promise<HarvestSource> {
    const source = UUID.test(reference) ? await this.sources.find(this.dataSource.manager, reference) : await this.sources.findByName(this.dataSource.manager, reference);
    if (!source) throw HarvestError.sourceNotFound(reference);
    return source;
  }

  list(): Promise<HarvestSource[]> {
    return this.sources.list(this.dataSource.manager);
  }

  harvests(sourceId: string, limit: number): Promise<string[]> {
    return this.sources.harvestIds(this.dataSource.manager, sourceId, limit);
  }
}
