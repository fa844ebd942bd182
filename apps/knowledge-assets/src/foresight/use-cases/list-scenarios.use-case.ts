import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '#ikm/auth';
import type { Page } from '#ikm/pagination';
import { actorOf } from '../../asset/actor.js';
import type { AssetVersion } from '../../asset/asset.entity.js';
import type { ListScenariosQuery } from '../dto/foresight.query.js';
import { ForesightError } from '../foresight.errors.js';
import { ForesightRepository } from '../foresight.repository.js';

/**
 * Foresight scenarios, each as its latest version the caller may see; with a signal, only those that
 * group it (the signal itself must be one the caller may see, else 404).
 */
@Injectable()
export class ListScenariosUseCase {
  constructor(private readonly foresight: ForesightRepository) {}

  async execute({ user, query, signal }: { user: AuthenticatedUser; query: ListScenariosQuery; signal?: string }): Promise<Page<AssetVersion>> {
    const viewer = actorOf(user);
    if (signal && !(await this.foresight.signalVisible(viewer, signal))) throw ForesightError.signalNotFound(signal);
    const { status, horizon, subject, q } = query;
    return this.foresight.listScenarios({ viewer, status, horizon, subject, text: q, signal }, query);
  }
}
