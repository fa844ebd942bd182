import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '#ikm/auth';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { actorOf } from '../../asset/actor.js';
import { IngestionJobRunner } from '../../ingestion/ingestion-job-runner.js';
import { assertMayHarvestInto } from '../harvest-access.js';
import type { HarvestInput } from '../harvest-source.js';
import { HarvestSourceRepository } from '../harvest-source.repository.js';
import { HarvestError } from '../harvest.errors.js';

/**
 * A harvest of a source: an ingestion job of kind `harvest`, queued under the source's lock (one harvest
 * of a source at a time) and started here once committed. It harvests from the latest datestamp the last
 * completed harvest reached, or everything the first time. Returns the job's id.
 */
@Injectable()
export class StartHarvestUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sources: HarvestSourceRepository,
    private readonly runner: IngestionJobRunner,
  ) {}

  async execute({ user, sourceId }: { user: AuthenticatedUser; sourceId: string }): Promise<string> {
    const id = randomUUID();
    await this.dataSource.transaction(async (manager) => {
      const source = await this.sources.find(manager, sourceId, { lock: true });
      if (!source) throw HarvestError.sourceNotFound(sourceId);
      assertMayHarvestInto(user, source.publishingUnit);
      const running = await this.sources.unfinishedHarvest(manager, sourceId);
      if (running) throw HarvestError.harvestRunning(sourceId, running);
      const input: HarvestInput = { sourceId, baseUrl: source.baseUrl, metadataPrefix: source.metadataPrefix, set: source.set, platform: source.platform, from: source.lastDatestamp };
      await this.runner.create(manager, {
        id,
        kind: 'harvest',
        actor: actorOf(user),
        defaults: { publishingUnit: source.publishingUnit, accessLevel: source.accessLevel },
        input: { ...input },
        total: null,
      });
    });
    await this.runner.launch(id);
    return id;
  }
}
