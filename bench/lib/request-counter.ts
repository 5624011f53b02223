/**
 * Counts every Kafka request this process sends, by API name and broker: kafkajs's by wrapping its
 * Connection#send (the one place every kafkajs request goes through, admin and producers), `@platformatic/kafka`'s
 * (metadata, offsets, groups, Fetch) from its public diagnostics channel. Install before any client connects.
 */
import { connectionsApiChannel, protocolAPIsById } from "@platformatic/kafka";
import { createRequire } from "node:module";

type Counts = Map<string, number>; // "ApiName" and "ApiName@host:port"

const counts: Counts = new Map();
/** Longest round trip (send → parsed response) seen per API since the last resetSlowest(). */
const slowest = new Map<string, { ms: number; broker: string }>();
export const resetSlowest = () => slowest.clear();
export const describeSlowest = () =>
  [...slowest.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([api, s]) => `${api} ${s.ms.toFixed(0)} ms`).join(", ");
let installed = false;

export function installRequestCounter(): void {
  if (installed) return;
  installed = true;
  const require = createRequire(import.meta.url);
  const Connection = require("kafkajs/src/network/connection.js") as { prototype: { send: (...a: unknown[]) => unknown } };
  const send = Connection.prototype.send;
  Connection.prototype.send = function (this: { host: string; port: number }, ...args: unknown[]) {
    const req = (args[0] as { request?: { apiName?: string } } | undefined)?.request;
    const api = req?.apiName ?? "?";
    counts.set(api, (counts.get(api) ?? 0) + 1);
    const k = `${api}@${this.host}:${this.port}`;
    counts.set(k, (counts.get(k) ?? 0) + 1);
    const t0 = performance.now();
    const done = () => {
      const ms = performance.now() - t0;
      const slow = slowest.get(api);
      if (!slow || ms > slow.ms) slowest.set(api, { ms, broker: `${this.host}:${this.port}` });
    };
    const r = send.apply(this, args) as Promise<unknown>;
    r.then(done, done);
    return r;
  };
  // @platformatic/kafka publishes every request on its public diagnostics channel (start, then asyncEnd/error).
  const started = new WeakMap<object, number>();
  const key = (ctx: PltRequest) => protocolAPIsById[ctx.apiKey] ?? `api${ctx.apiKey}`;
  connectionsApiChannel.subscribe({
    start(message) {
      const ctx = message as unknown as PltRequest;
      if (ctx.operation !== "send") return;
      const api = key(ctx);
      counts.set(api, (counts.get(api) ?? 0) + 1);
      const k = `${api}@${ctx.connection.host}:${ctx.connection.port}`;
      counts.set(k, (counts.get(k) ?? 0) + 1);
      started.set(ctx, performance.now());
    },
    end() {},
    asyncStart() {},
    asyncEnd(message) {
      const ctx = message as unknown as PltRequest;
      const t0 = started.get(ctx);
      if (t0 === undefined) return;
      const ms = performance.now() - t0;
      const slow = slowest.get(key(ctx));
      if (!slow || ms > slow.ms) slowest.set(key(ctx), { ms, broker: `${ctx.connection.host}:${ctx.connection.port}` });
    },
    error() {},
  });
}

type PltRequest = { operation: string; apiKey: number; connection: { host?: string; port?: number } };

export function snapshotCounts(): Counts {
  return new Map(counts);
}

/** Requests sent since `before`, by API name (and by API@broker). */
export function countsSince(before: Counts): Counts {
  const out: Counts = new Map();
  for (const [k, v] of counts) {
    const d = v - (before.get(k) ?? 0);
    if (d) out.set(k, d);
  }
  return out;
}

export function totalOf(c: Counts): number {
  let n = 0;
  for (const [k, v] of c) if (!k.includes("@")) n += v;
  return n;
}

/** "Metadata 1, ListOffsets 6 (2/2/2 per broker)" */
export function describeCounts(c: Counts, divisor = 1): string {
  const fmt = (v: number) => (Number.isInteger(v / divisor) ? String(v / divisor) : (v / divisor).toFixed(1));
  const apis = [...c.keys()].filter((k) => !k.includes("@")).sort();
  return apis
    .map((api) => {
      const per = [...c.entries()].filter(([k]) => k.startsWith(`${api}@`)).sort(([a], [b]) => a.localeCompare(b)).map(([, v]) => fmt(v));
      return `${api} ${fmt(c.get(api)!)}${per.length > 1 ? ` (${per.join("/")} per broker)` : ""}`;
    })
    .join(", ");
}
