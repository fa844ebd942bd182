import { createHash } from 'node:crypto';
import pg from 'pg';
import type { EntityManager } from 'typeorm';
import type { ProjectionStatement } from '../projection/projection.js';

/**
 * Not `ikm_`: pg names the statements it prepares itself `ikm_<hash>` (`prepared()` in persistence),
 * and PREPARE under a name the connection already holds fails.
 */
export function replayStatementName(sql: string): string {
  return `replay_${createHash('sha1').update(sql).digest('hex').slice(0, 20)}`;
}

/**
 * A value as an untyped SQL literal ('…' or NULL): PostgreSQL gives it the type of the parameter it
 * fills, exactly as it does with a value sent apart from the text, so a statement means the same in a
 * replay as it does live.
 */
export function untypedLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (value instanceof Date) return pg.escapeLiteral(value.toISOString());
  if (typeof value === 'number' && !Number.isFinite(value)) throw new Error(`cannot write ${value} as a literal`);
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return pg.escapeLiteral(String(value));
  throw new Error(`cannot write a ${typeof value} parameter as a literal`);
}

/**
 * Turns a page of replayed statements into one simple-protocol script: one round trip for thousands of
 * statements, which the extended protocol (one statement per round trip) cannot do. Each statement text
 * is prepared once per connection with PREPARE and then only EXECUTEd, so PostgreSQL parses and plans
 * it once rather than once per event, which is where a replay of inlined statements spent its time.
 * The statements prepared stay on the connection for later replays: projections have a small, fixed
 * set of texts.
 */
export class ReplayScript {
  private constructor(private readonly preparedNames: Set<string>) {}

  /** Asks the connection which replay statements it already holds (an earlier replay left them). */
  static async onConnectionOf(manager: EntityManager): Promise<ReplayScript> {
    const rows: Array<{ name: string }> = await manager.query(`SELECT name FROM pg_prepared_statements WHERE from_sql`);
    return new ReplayScript(new Set(rows.map((row) => row.name)));
  }

  /** The statements in order, each preceded by its PREPARE the first time its text appears. */
  scriptFor(statements: ProjectionStatement[]): string {
    const lines: string[] = [];
    for (const statement of statements) {
      const name = replayStatementName(statement.sql);
      if (!this.preparedNames.has(name)) {
        lines.push(`PREPARE ${name} AS ${statement.sql}`);
        this.preparedNames.add(name);
      }
      const values = statement.params.map(untypedLiteral);
      lines.push(values.length > 0 ? `EXECUTE ${name}(${values.join(', ')})` : `EXECUTE ${name}`);
    }
    return lines.join(';\n');
  }
}
