/**
 * Counts every Kafka request this process sends, by API name and broker: kafkajs's from the public instrumentation
 * REQUEST event of every client it makes (admin, producers, consumers), `@platformatic/kafka`'s
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
  [...slowest.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([api, s]) => `${api} ${s.ms.toFixed(0)} ms`)
    .join(", ");
let installed = false;

export function installRequestCounter(): void {
  if (installed) return;
  installed = true;
  // kafkajs: every client made by the public Kafka#admin/producer/consumer gets a listener for its public
  // instrumentation REQUEST event (apiName, broker, duration), emitted once per request it sends.
  const require = createRequire(import.meta.url);
  const { Kafka } = require("kafkajs") as typeof import("kafkajs");
  type Instrumented = {
    on(event: string, listener: (e: { payload: KafkajsRequest }) => void): unknown;
    events: { REQUEST: string };
  };
  const proto = Kafka.prototype as unknown as Record<
    "admin" | "producer" | "consumer",
    (...a: unknown[]) => Instrumented
  >;
  for (const method of ["admin", "producer", "consumer"] as const) {
    const make = proto[method];
    proto[method] = function (this: unknown, ...args: unknown[]) {
      const client = make.apply(this, args);
      client.on(client.events.REQUEST, ({ payload }) => {
        const api = payload.apiName ?? "?";
        counts.set(api, (counts.get(api) ?? 0) + 1);
        const k = `${api}@${payload.broker}`;
        counts.set(k, (counts.get(k) ?? 0) + 1);
        const slow = slowest.get(api);
        if (!slow || payload.duration > slow.ms) slowest.set(api, { ms: payload.duration, broker: payload.broker });
      });
      return client;
    };
  }
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

type KafkajsRequest = { apiName?: string; broker: string; duration: number };
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
      const per = [...c.entries()]
        .filter(([k]) => k.startsWith(`${api}@`))
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([, v]) => fmt(v));
      return `${api} ${fmt(c.get(api)!)}${per.length > 1 ? ` (${per.join("/")} per broker)` : ""}`;
    })
    .join(", ");
}
