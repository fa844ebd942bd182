import type { EventContract, EventData } from '#ikm/contracts';
import { prepared, queryPrepared, sqlIdentifier } from '#ikm/persistence';
import type { EntityManager } from 'typeorm';

/**
 * A service's own copy of another service's aggregate, kept from that service's events alone (services
 * never read each other's tables). Events of one aggregate may arrive again (a replay, a redelivery) or
 * late, so a change applies only when its version is newer than the row's: an older or duplicate event
 * never rolls a newer row back. A replica is declared as data, its table and per event type the row the
 * event gives; the version-guarded SQL is written here, once:
 *
 *     export const KNOWLEDGE_ASSETS_REPLICA = defineReplica({
 *       table: 'knowledge_assets', key: 'asset_id', version: 'version',
 *       on: [
 *         upsertOn(KnowledgeAssetPublishedV1, (asset) => ({ asset_id: asset.assetId, version: asset.version, title: asset.title })),
 *         updateOn(KnowledgeAssetRetiredV1, (retired) => ({ asset_id: retired.assetId, version: retired.version, retired: true })),
 *       ],
 *     });
 *
 * and its consumer hands it every event of the topic, in the inbox's transaction:
 * `KNOWLEDGE_ASSETS_REPLICA.apply(context.manager, event)`. Columns computed from others (a search
 * vector) belong in the table, as generated columns, so that the declaration stays data.
 */

/**
 * Column names and the values an event gives them. Values go in as parameters: an object becomes JSON
 * (for a jsonb column), an array a PostgreSQL array, undefined NULL. A jsonb column holding an array
 * needs `JSON.stringify` (pg would send an array literal).
 */
export type ReplicaRow = Record<string, unknown>;

/** What one event type does to the replica. */
export interface ReplicaChange {
  readonly contract: EventContract;
  /**
   * `upsert`: the event carries the whole state, inserted when the row is new and otherwise written
   * over it (columns it does not name keep their value, or take their default on insert). `update`:
   * the event changes some columns of a row it finds, and does nothing when there is none yet.
   */
  readonly kind: 'upsert' | 'update';
  rowOf(data: unknown): ReplicaRow;
}

/** An event whose data carries the aggregate's whole state: inserted, or written over an older row. */
export function upsertOn<C extends EventContract>(contract: C, row: (data: EventData<C>) => ReplicaRow): ReplicaChange {
  return { contract, kind: 'upsert', rowOf: (data) => row(data as EventData<C>) };
}

/** An event that changes some columns of a row already replicated (e.g. `retired = true`). */
export function updateOn<C extends EventContract>(contract: C, row: (data: EventData<C>) => ReplicaRow): ReplicaChange {
  return { contract, kind: 'update', rowOf: (data) => row(data as EventData<C>) };
}

export interface ReplicaDeclaration {
  /** The replica's table, created by the service's own migration. */
  table: string;
  /** Its primary key column: the aggregate's id. */
  key: string;
  /** The column holding the aggregate version the row is at; every event's row names it. */
  version: string;
  on: ReplicaChange[];
}

/** The statement an event needs, with its values in order. */
export interface ReplicaStatement {
  sql: string;
  params: unknown[];
}

/** What a consumer needs from an event: its type, and its data as the contract's schema checked it. */
export interface ReplicatedEvent {
  type: string;
  data: unknown;
}

export class Replica {
  private readonly table: string;
  private readonly key: string;
  private readonly version: string;
  private readonly byType = new Map<string, ReplicaChange>();
  /** SQL by event type and column list: a few texts, each prepared once per connection. */
  private readonly sqlCache = new Map<string, string>();

  constructor(private readonly declaration: ReplicaDeclaration) {
    this.table = sqlIdentifier(declaration.table, 'replica table');
    this.key = sqlIdentifier(declaration.key, 'replica key column');
    this.version = sqlIdentifier(declaration.version, 'replica version column');
    for (const change of declaration.on) {
      if (this.byType.has(change.contract.type)) throw new Error(`replica ${declaration.table} declares ${change.contract.type} twice`);
      this.byType.set(change.contract.type, change);
    }
  }

  /** The event types the replica is kept from. */
  get contracts(): EventContract[] {
    return this.declaration.on.map((change) => change.contract);
  }

  /** The version-guarded statement for an event, or undefined for an event type the replica does not use. */
  statementFor(event: ReplicatedEvent): ReplicaStatement | undefined {
    const change = this.byType.get(event.type);
    if (!change) return undefined;
    const row = change.rowOf(event.data);
    const { key, version } = this.declaration;
    if (row[key] === undefined || row[key] === null) throw new Error(`replica ${this.declaration.table}: ${event.type} gives no ${key}`);
    if (!Number.isInteger(row[version])) throw new Error(`replica ${this.declaration.table}: ${event.type} gives no integer ${version}`);
    // The key first and the version second, so that the guard names them as $1 and $2 whatever the row's order.
    const others = Object.keys(row).filter((column) => column !== key && column !== version);
    const columns = [key, version, ...others];
    return { sql: this.sqlFor(change, columns), params: columns.map((column) => row[column]) };
  }

  /**
   * Applies an event to its row unless the row is already at that version or a newer one. Returns
   * whether it changed the row. Run it in the consumer's transaction (`InboxContext.manager`).
   */
  async apply(manager: EntityManager, event: ReplicatedEvent): Promise<boolean> {
    const statement = this.statementFor(event);
    if (!statement) return false;
    const changed = await queryPrepared(manager, prepared(statement.sql), statement.params);
    return changed.length > 0;
  }

  private sqlFor(change: ReplicaChange, columns: string[]): string {
    const cacheKey = `${change.contract.type} ${columns.join(',')}`;
    let sql = this.sqlCache.get(cacheKey);
    if (!sql) {
      const quoted = columns.map((column) => sqlIdentifier(column, `replica ${this.declaration.table} column`));
      sql = change.kind === 'upsert' ? this.upsertSql(quoted) : this.updateSql(quoted);
      this.sqlCache.set(cacheKey, sql);
    }
    return sql;
  }

  /** Inserts a new row, or overwrites one at an older version: `ON CONFLICT ... WHERE` leaves a newer row untouched. */
  private upsertSql(columns: string[]): string {
    const placeholders = columns.map((_, index) => `$${index + 1}`);
    const assignments = columns.slice(1).map((column) => `${column} = EXCLUDED.${column}`);
    return (
      `INSERT INTO ${this.table} (${columns.join(', ')}) VALUES (${placeholders.join(', ')}) ` +
      `ON CONFLICT (${this.key}) DO UPDATE SET ${assignments.join(', ')} ` +
      `WHERE ${this.table}.${this.version} < EXCLUDED.${this.version} RETURNING ${this.key}`
    );
  }

  /** Changes a row at an older version; a row not replicated yet stays absent. */
  private updateSql(columns: string[]): string {
    const assignments = columns.slice(1).map((column, index) => `${column} = $${index + 2}`);
    return `UPDATE ${this.table} SET ${assignments.join(', ')} WHERE ${this.key} = $1 AND ${this.version} < $2 RETURNING ${this.key}`;
  }
}

/** A replica from its declaration; names are checked now, so a bad one fails when the module loads. */
export function defineReplica(declaration: ReplicaDeclaration): Replica {
  return new Replica(declaration);
}
