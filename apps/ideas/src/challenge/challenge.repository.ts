import { Injectable } from '@nestjs/common';
import { decodeCursor, encodeCursor } from '#ikm/http';
import { DataSource, type EntityManager } from 'typeorm';
import { Challenge, type ChallengePhase } from './challenge.entity.js';
import { ChallengeError } from './challenge.errors.js';

@Injectable()
export class ChallengeRepository {
  constructor(private readonly dataSource: DataSource) {}

  async get(id: string, manager: EntityManager = this.dataSource.manager): Promise<Challenge> {
    const challenge = await manager.findOneBy(Challenge, { id });
    if (!challenge) throw ChallengeError.notFound(id);
    return challenge;
  }

  /** For an idea's reference: a missing challenge is the caller's bad input, not a missing resource. */
  async getReferenced(id: string, manager: EntityManager): Promise<Challenge> {
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
  async list(filter: { phase?: ChallengePhase; limit: number; cursor?: string; now: Date }): Promise<{ items: Challenge[]; nextCursor: string | null }> {
    const query = this.dataSource.manager
      .createQueryBuilder(Challenge, 'challenge')
      .orderBy('challenge.closes_at', 'DESC')
      .addOrderBy('challenge.id', 'DESC')
      .limit(filter.limit + 1);
    const now = filter.now.toISOString();
    if (filter.phase === 'upcoming') query.andWhere('challenge.opens_at > :now', { now });
    if (filter.phase === 'open') query.andWhere('challenge.opens_at <= :now AND challenge.closes_at > :now', { now });
    if (filter.phase === 'closed') query.andWhere('challenge.closes_at <= :now', { now });
    if (filter.cursor) {
      const after = decodeCursor(filter.cursor, 'timestamp');
      query.andWhere('(challenge.closes_at, challenge.id) < (:afterKey, :afterId)', { afterKey: after.key, afterId: after.id });
    }
    const rows = await query.getMany();
    const items = rows.slice(0, filter.limit);
    const last = items.at(-1);
    return { items, nextCursor: rows.length > filter.limit && last ? encodeCursor({ key: last.closesAt.toISOString(), id: last.id }) : null };
  }
}
