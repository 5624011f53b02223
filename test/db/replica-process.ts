// One Sluice replica's metrics sampler in a process of its own (spawned by sampler-lease.pg.test.ts): prints one
// JSON line per tick it serves, with how many ticks it sampled from Kafka itself.
import { MetricsSampler } from "@/server/metrics/sampler";

const replica = process.env.REPLICA_ID ?? `replica-${process.pid}`;
const sampler = new MetricsSampler("local", replica);
await sampler.loaded;
sampler.subscribe((e) => process.stdout.write(`${JSON.stringify({ replica, t: e.tick.t, sampled: sampler.sampledTicks })}\n`));
process.on("SIGTERM", () => process.exit(0));
