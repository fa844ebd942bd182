const PLAIN_IDENTIFIER = /^[a-z_][a-z0-9_]*$/;
/** PostgreSQL cuts longer names to this many bytes (NAMEDATALEN - 1), so two could become one. */
const LONGEST_IDENTIFIER = 63;

/**
 * A table, column or database name declared in code, ready to go into SQL text (names cannot be bound
 * parameters): refused unless plain (lowercase letters, digits and `_`, not starting with a digit, at
 * most 63 characters), so a typo fails at startup instead of composing other SQL, and double-quoted,
 * so that a name that is also a keyword (`order`, `user`) is still a name. `what` names it in the error.
 */
export function sqlIdentifier(name: string, what = 'name'): string {
  if (!PLAIN_IDENTIFIER.test(name) || name.length > LONGEST_IDENTIFIER) {
    throw new Error(`${what} "${name}" is not a plain SQL identifier: [a-z_][a-z0-9_]*, at most ${LONGEST_IDENTIFIER} characters`);
  }
  return `"${name}"`;
}
