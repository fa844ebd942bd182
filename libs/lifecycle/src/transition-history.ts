import { sqlIdentifier } from '#ikm/persistence';
import type { EntityManager } from 'typeorm';

/** One move of a subject along its lifecycle, as its use case decided it. */
export interface Transition<Status extends string> {
  from: Status;
  to: Status;
  /** Why, in the actor's words (required by some moves, e.g. feedback when an idea is not pursued). */
  reason: string | null;
}

/** One row of the history as the API shows it. */
export interface HistoryEntry<Status extends string> extends Transition<Status> {
  actorId: string;
  at: string;
}

/** Names of a kind of subject's history table: e.g. `idea_transitions`, `idea_id`, referencing `ideas`. */
export interface TransitionHistoryNames {
  table: string;
  subjectColumn: string;
}

/**
 * The statements a service's migration runs to create a history table (one per kind of subject), its
 * subject column referencing `subjects (id)`, and the index the history is read by, named
 * `<table>_<subject column without _id>`. One shape, so that every service's history reads the same.
 */
export function transitionHistoryTable({ table, subjectColumn }: TransitionHistoryNames, subjects: string): string[] {
  const [name, subject, referenced] = [sqlIdentifier(table), sqlIdentifier(subjectColumn), sqlIdentifier(subjects)];
  const index = sqlIdentifier(`${table}_${subjectColumn.replace(/_id$/, '')}`);
  return [
    `CREATE TABLE ${name} (
       id          bigserial PRIMARY KEY,
       ${subject}  uuid NOT NULL REFERENCES ${referenced} (id),
       from_status text NOT NULL,
       to_status   text NOT NULL,
       actor_id    text NOT NULL,
       reason      text,
       at          timestamptz NOT NULL
     )`,
    `CREATE INDEX ${index} ON ${name} (${subject}, id)`,
  ];
}

/**
 * Who moved a subject, when and why, in a table made by `transitionHistoryTable`. Rows are written in
 * the transaction of the move they record, and read back in the order written.
 */
export class TransitionHistory<Status extends string> {
  private readonly insert: string;
  private readonly insertMany: string;
  private readonly select: string;

  constructor({ table, subjectColumn }: TransitionHistoryNames) {
    const [into, subject] = [sqlIdentifier(table), sqlIdentifier(subjectColumn)];
    this.insert = `INSERT INTO ${into} (${subject}, from_status, to_status, actor_id, reason, at) VALUES ($1, $2, $3, $4, $5, $6)`;
    this.insertMany = `INSERT INTO ${into} (${subject}, from_status, to_status, actor_id, reason, at) SELECT s, f, t, $4::text, r, $5::timestamptz FROM unnest($1::uuid[], $2::text[], $3::text[], $6::text[]) WITH ORDINALITY AS m (s, f, t, r, n) ORDER BY n`;
    this.select = `SELECT from_status, to_status, actor_id, reason, at FROM ${into} WHERE ${subject} = $1 ORDER BY id`;
  }

  async record(manager: EntityManager, subjectId: string, transition: Transition<Status>, actorId: string, at: Date): Promise<void> {
    await manager.query(this.insert, [subjectId, transition.from, transition.to, actorId, transition.reason, at]);
  }

  /** Several subjects' moves by one actor at one moment (a batch of ingested records), in one statement. */
  async recordMany(manager: EntityManager, moves: ReadonlyArray<{ subjectId: string; transition: Transition<Status> }>, actorId: string, at: Date): Promise<void> {
    if (moves.length === 0) return;
    await manager.query(this.insertMany, [
      moves.map((move) => move.subjectId),
      moves.map((move) => move.transition.from),
      moves.map((move) => move.transition.to),
      actorId,
      at,
      moves.map((move) => move.transition.reason),
    ]);
  }

  /** The subject's moves, oldest first. */
  async of(manager: EntityManager, subjectId: string): Promise<Array<HistoryEntry<Status>>> {
    const rows: Array<{ from_status: Status; to_status: Status; actor_id: string; reason: string | null; at: Date }> = await manager.query(this.select, [subjectId]);
    return rows.map((row) => ({ from: row.from_status, to: row.to_status, actorId: row.actor_id, reason: row.reason, at: row.at.toISOString() }));
  }
}
