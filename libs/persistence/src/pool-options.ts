/**
 * The options of every service's pg pool. Kept apart from TypeORM so that the benchmark's plain-pg
 * baseline can use the very same ones.
 */
export function poolOptions(size = 10) {
  return {
    max: size,
    connectionTimeoutMillis: 5_000,
    // pg closes a connection after 10 s idle by default: then the first requests after any quiet spell
    // longer than that opened new backends and prepared their statements again (measured: 16 reads at
    // once after 15 s of quiet took 87-128 ms on average, 20-29 ms after 5 s). Traffic to an
    // organisation's platform comes in bursts with lulls between them, so idle connections stay minutes.
    idleTimeoutMillis: 5 * 60_000,
    // No JIT compilation: it pays off for long analytical queries only. A statement whose estimated cost
    // passes jit_above_cost (a search with highlights and facets does, whatever its real size) spent
    // ~50 ms compiling to answer in 10 ms (EXPLAIN ANALYZE on the search bench's database).
    options: '-c jit=off',
  };
}
