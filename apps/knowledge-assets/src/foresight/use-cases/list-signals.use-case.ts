import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '#ikm/auth';
import type { Page } from '#ikm/pagination';
import { actorOf } from '../../asset/actor.js';
import type { AssetVersion } from '../../asset/asset.entity.js';
import type { ListSignalsQuery } from '../dto/foresight.query.js';
import { ForesightRepository, type SignalFilter } from '../foresight.repository.js';

/** The query's signal filters as the repository reads them. */
export function signalFilter(user: AuthenticatedUser, query: Omit<ListSignalsQuery, 'limit' | 'sort'>): SignalFilter {
  const { status, horizon, subject, q, driver, minLikelihood, minImpact } = query;
  return { viewer: actorOf(user), status, horizon, subject, text: q, driver, minLikelihood, minImpact };
}

/** Foresight signals, each as its latest version the caller may see, filtered by driver, horizon, ratings, subject and text. */
@Injectable()
export class ListSignalsUseCase {
  constructor(private readonly foresight: ForesightRepository) {}

  execute({ user, query }: { user: AuthenticatedUser; query: ListSignalsQuery }): Promise<Page<AssetVersion>> {
    return this.foresight.listSignals(signalFilter(user, query), query);
  }
}
