import "server-only";

/**
 * A value kept once per process, on globalThis under `__sluice<name>`: Next bundles server modules once per route and
 * instrumentation (and reloads them in development), and every copy must see the same cache, pool or timer. `create`
 * runs on first use. Each name is listed in ARCHITECTURE.md ("Process state") with its lifetime and what clears it;
 * `grep -rn 'processState(' server` lists them all.
 */
export function processState<T>(name: string, create: () => T): T {
  const g = globalThis as unknown as Record<string, unknown>;
  const key = `__sluice${name}`;
  if (!(key in g)) g[key] = create();
  return g[key] as T;
}

/** A per-cluster map (cluster id → state) kept once per process: `processState(name, () => new Map())`. */
export function perCluster<V>(name: string): Map<string, V> {
  return processState(name, () => new Map<string, V>());
}
