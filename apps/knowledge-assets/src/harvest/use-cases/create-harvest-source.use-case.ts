import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '#ikm/auth';
import { DataSource } from 'typeorm';
import { assertMayHarvestInto } from '../harvest-access.js';
import { newHarvestSource, type HarvestSource, type HarvestSourceSettings } from '../harvest-source.js';
import { HarvestSourceRepository } from '../harvest-source.repository.js';
import { HarvestError } from '../harvest.errors.js';

@Injectable()
export class CreateHarvestSourceUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sources: HarvestSourceRepository,
  ) {}

  async execute({ user, settings }: { user: AuthenticatedUser; settings: HarvestSourceSettings }): Promise<HarvestSource> {
    assertMayHarvestInto(user, settings.publishingUnit);
    const source = newHarvestSource(settings, user.sub, new Date());
    if (!(await this.sources.insert(this.dataSource.manager, source))) throw HarvestError.nameTaken(settings.name);
    return source;
  }
}
