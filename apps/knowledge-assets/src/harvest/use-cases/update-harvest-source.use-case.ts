import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '#ikm/auth';
import { DataSource, QueryFailedError } from 'typeorm';
import { assertMayHarvestInto } from '../harvest-access.js';
import type { HarvestSource, HarvestSourceSettings } from '../harvest-source.js';
import { HarvestSourceRepository } from '../harvest-source.repository.js';
import { HarvestError } from '../harvest.errors.js';

const UNIQUE_VIOLATION = '23505';

/** Changes a source's settings (its harvests so far keep what they started with); If-Match optional. */
@Injectable()
export class UpdateHarvestSourceUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sources: HarvestSourceRepository,
  ) {}

  async execute({ user, sourceId, changes, expectedVersion }: { user: AuthenticatedUser; sourceId: string; changes: Partial<HarvestSourceSettings>; expectedVersion?: number }): Promise<HarvestSource> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const source = await this.sources.find(manager, sourceId, { lock: true });
        if (!source) throw HarvestError.sourceNotFound(sourceId);
        assertMayHarvestInto(user, source.publishingUnit);
        if (expectedVersion !== undefined && expectedVersion !== source.version) throw HarvestError.versionMismatch(sourceId, expectedVersion, source.version);
        const defined = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
        const changed: HarvestSource = { ...source, ...defined, version: source.version + 1, updatedAt: new Date() };
        assertMayHarvestInto(user, changed.publishingUnit);
        await this.sources.update(manager, changed);
        return changed;
      });
    } catch (error) {
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === UNIQUE_VIOLATION) throw HarvestError.nameTaken(changes.name ?? '');
      throw error;
    }
  }
}
