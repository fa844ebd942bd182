import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '#ikm/auth';
import { DataSource } from 'typeorm';
import { assertMayHarvestInto } from '../harvest-access.js';
import { HarvestSourceRepository } from '../harvest-source.repository.js';
import { HarvestError } from '../harvest.errors.js';

/** Removes a source; the assets it brought and its harvests' reports stay (they name their source by id). */
@Injectable()
export class DeleteHarvestSourceUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sources: HarvestSourceRepository,
  ) {}

  async execute({ user, sourceId }: { user: AuthenticatedUser; sourceId: string }): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const source = await this.sources.find(manager, sourceId, { lock: true });
      if (!source) throw HarvestError.sourceNotFound(sourceId);
      assertMayHarvestInto(user, source.publishingUnit);
      const running = await this.sources.unfinishedHarvest(manager, sourceId);
      if (running) throw HarvestError.harvestRunning(sourceId, running);
      await this.sources.delete(manager, sourceId);
    });
  }
}
