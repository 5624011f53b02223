// One Sluice replica's metrics sampler in a process of its own (spawned by sampler-lease.pg.test.ts): prints one
// JSON line per tick it serves, with how many ticks it sampled from Kafka itself. CONTINUOUS=1 starts it as the
// server does (sampling with or without viewers) and stops it gracefully on SIGTERM (the lease is released).
import { MetricsSampler } from "@/server/metrics/sampler";

const replica = process.env.REPLICA_ID ?? `replica-${process.pid}`;
const sampler = new MetricsSampler("local", replica);
await sampler.loaded;
if (process.env.CONTINUOUS) {
  sampler.start();
  sampler.afterTick.add(
    (tick) => void process.stdout.write(`${JSON.stringify({ replica, t: tick.t, sampled: sampler.sampledTicks })}\n`),
  );
  process.on("SIGTERM", () => void sampler.stop().finally(() => process.exit(0)));
} else {
  sampler.subscribe((e) =>
    process.stdout.write(`${JSON.stringify({ replica, t: e.tick.t, sampled: sampler.sampledTicks })}\n`),
  );
  process.on("SIGTERM", () => process.exit(0));
}
