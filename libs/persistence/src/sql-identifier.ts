/** A plain SQL name: lower case letters, digits and underscores, not starting with a digit. */
const PLAIN_IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/**
 * Checks a name that goes into SQL text (names cannot be parameters) and returns it. Names come from
 * declarations in code, never from requests, and only plain ones are accepted, so a typo fails at
 * startup instead of composing other SQL.
 */
export function plainSqlName(name: string, what = 'name'): string {
  if (!PLAIN_IDENTIFIER.test(name)) throw new Error(`${what} "${name}" is not a plain SQL identifier (it must match ${PLAIN_IDENTIFIER.source})`);
  return name;
}

/** A checked plain name, quoted, so that one that is also a keyword (`order`, `user`) still names a column. */
export function quotedSqlName(name: string, what = 'name'): string {
  return `"${plainSqlName(name, what)}"`;
}
