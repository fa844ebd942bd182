import { Injectable } from '@nestjs/common';
import { afterCursor, NamedParameters, pageOf, rowsToFetch, type KeysetSort, type Page } from '#ikm/pagination';
import type { EntityManager } from 'typeorm';
import { Challenge, type ChallengePhase } from './challenge.entity.js';
import { ChallengeError } from './challenge.errors.js';

/** Closing soonest last. */
const BY_CLOSING: KeysetSort<Challenge> = {
  column: 'challenge.closes_at',
  idColumn: 'challenge.id',
  direction: 'DESC',
  keyKind: 'timestamp',
  keyOf: (challenge) => challenge.closesAt.toISOString(),
};

@Injectable()
export class ChallengeRepository {
  async get(manager: EntityManager, id: string): Promise<Challenge> {
    const challenge = await manager.findOneBy(Challenge, { id });
    if (!challenge) throw ChallengeError.notFound(id);
    return challenge;
  }

  /** For an idea's reference: a missing challenge is the caller's bad input, not a missing resource. */
  async getReferenced(manager: EntityManager, id: string): Promise<Challenge> {
    const challenge = await manager.findOneBy(Challenge, { id });
    if (!challenge) throw ChallengeError.unknownReference(id);
    return challenge;
  }

  async getForUpdate(manager: EntityManager, id: string): Promise<Challenge> {
    const challenge = await manager.findOne(Challenge, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!challenge) throw ChallengeError.notFound(id);
    return challenge;
  }

  async save(manager: EntityManager, challenge: Challenge): Promise<void> {
    await manager.save(Challenge, challenge);
  }

  /** Closing soonest last: (closes_at DESC, id DESC), keyset-paginated. */
  async list(manager: EntityManager, filter: { phase?: ChallengePhase; limit: number; cursor?: string; now: Date }): Promise<Page<Challenge>> {
    const query = manager
      .createQueryBuilder(Challenge, 'challenge')
      .orderBy(BY_CLOSING.column, BY_CLOSING.direction)
      .addOrderBy(BY_CLOSING.idColumn, BY_CLOSING.direction)
      .limit(rowsToFetch(filter.limit));
    const now = filter.now.toISOString();
    if (filter.phase === 'upcoming') query.andWhere('challenge.opens_at > :now', { now });
    if (filter.phase === 'open') query.andWhere('challenge.opens_at <= :now AND challenge.closes_at > :now', { now });
    if (filter.phase === 'closed') query.andWhere('challenge.closes_at <= :now', { now });
    if (filter.cursor) {
      const after = new NamedParameters('after');
      query.andWhere(afterCursor(BY_CLOSING, filter.cursor, after), after.values);
    }
    return pageOf(await query.getMany(), filter.limit, BY_CLOSING);
  }
}
