/** Turns a value into a placeholder of the statement being built, so no value is ever spliced into SQL. */
export interface SqlParameters {
  parameter(value: unknown): string;
}

/** Conditions joined by AND, each with its values as numbered parameters ($1, $2, ...), for raw SQL. */
export class WhereClause implements SqlParameters {
  readonly values: unknown[] = [];
  private readonly conditions: string[] = [];

  parameter(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }

  add(condition: (...placeholders: string[]) => string, ...values: unknown[]): void {
    this.conditions.push(condition(...values.map((value) => this.parameter(value))));
  }

  get size(): number {
    return this.conditions.length;
  }

  sql(): string {
    return this.conditions.join(' AND ');
  }
}

/** Values as named parameters (:p0, :p1, ...), for a TypeORM query builder's `andWhere(sql, values)`. */
export class NamedParameters implements SqlParameters {
  readonly values: Record<string, unknown> = {};

  constructor(private readonly prefix = 'p') {}

  parameter(value: unknown): string {
    const name = `${this.prefix}${Object.keys(this.values).length}`;
    this.values[name] = value;
    return `:${name}`;
  }
}
