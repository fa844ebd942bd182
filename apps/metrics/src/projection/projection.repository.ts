import { Injectable } from '@nestjs/common';
import { prepared, queryPrepared } from '#ikm/persistence';
import type { EntityManager } from 'typeorm';
import type { ProjectionStatement } from './projection.js';

/** The projections' tables: what a live event or a rebuild writes to them. */
@Injectable()
export class ProjectionRepository {
  /**
   * Runs a live event's statements as prepared statements: a projection's SQL texts are constant (values
   * travel as parameters), so each is parsed and planned once per connection.
   */
  async apply(manager: EntityManager, statements: ProjectionStatement[]): Promise<void> {
    for (const statement of statements) await queryPrepared(manager, prepared(statement.sql), statement.params);
  }

  /** Before a rebuild. Table names come from the projections' declarations, never from input. */
  async empty(manager: EntityManager, tables: string[]): Promise<void> {
    await manager.query(`TRUNCATE ${tables.join(', ')}`);
  }

  /** A page of a rebuild, as one simple-protocol script (see ReplayScript). */
  async runScript(manager: EntityManager, script: string): Promise<void> {
    await manager.query(script);
  }
}
