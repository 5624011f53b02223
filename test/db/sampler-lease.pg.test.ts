import { spawn, type ChildProcess } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import { prisma } from "@/server/db/prisma";
import { acquireLease } from "@/server/metrics/lease";
import { MetricsSampler, type TickEvent } from "@/server/metrics/sampler";

// Two Sluice replicas sharing PostgreSQL, as two sampler instances with their own replica ids against the real
// broker: only the lease holder reads Kafka; the other serves the same ticks from the database.
const CLUSTER = "local";
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

afterAll(async () => {
  await prisma.samplerLease.deleteMany({ where: { clusterId: CLUSTER } });
  await prisma.$disconnect();
});

describe("sampler lease on PostgreSQL", () => {
  it("gives a racing pair of replicas exactly one leader", async () => {
    await prisma.samplerLease.deleteMany({ where: { clusterId: "race" } });
    const results = await Promise.all(["r1", "r2", "r3", "r4"].map((holder) => acquireLease("race", holder, 10_000)));
    expect(results.filter(Boolean)).toHaveLength(1);
    await prisma.samplerLease.deleteMany({ where: { clusterId: "race" } });
  });

  it("samples on one replica only, replays on the other, and hands over when the leader stops", async () => {
    await prisma.samplerLease.deleteMany({ where: { clusterId: CLUSTER } });
    const a = new MetricsSampler(CLUSTER, "replica-a");
    const b = new MetricsSampler(CLUSTER, "replica-b");
    await Promise.all([a.loaded, b.loaded]);
    const seenA: TickEvent[] = [];
    const seenB: TickEvent[] = [];
    const stopA = a.subscribe((e) => seenA.push(e));
    await wait(300);
    const stopB = b.subscribe((e) => seenB.push(e));
    await wait(4500);
    expect(a.sampledTicks).toBeGreaterThanOrEqual(3);
    expect(b.sampledTicks).toBe(0);
    // b serves a's samples (same times), read back from the database.
    const aTimes = new Set(seenA.map((e) => e.tick.t));
    expect(seenB.length).toBeGreaterThanOrEqual(2);
    expect(seenB.every((e) => aTimes.has(e.tick.t))).toBe(true);

    stopA();
    await wait(2500);
    expect(b.sampledTicks).toBeGreaterThanOrEqual(1);
    stopB();
  });

  it(
    "samples continuously in two processes with nobody watching, and hands over at once on a graceful stop",
    { timeout: 60_000 },
    async () => {
      await prisma.samplerLease.deleteMany({ where: { clusterId: CLUSTER } });
      type Line = { replica: string; t: number; sampled: number };
      const lines: Line[] = [];
      const start = (id: string): ChildProcess => {
        const child = spawn(
          process.execPath,
          [
            "--conditions=react-server",
            "--import",
            "tsx",
            "--import",
            "./bench/lib/register.mjs",
            "test/db/replica-process.ts",
          ],
          {
            env: { ...process.env, REPLICA_ID: id, CONTINUOUS: "1" },
            stdio: ["ignore", "pipe", "inherit"],
          },
        );
        let buf = "";
        child.stdout!.on("data", (d) => {
          buf += d;
          for (let i = buf.indexOf("\n"); i >= 0; i = buf.indexOf("\n")) {
            lines.push(JSON.parse(buf.slice(0, i)) as Line);
            buf = buf.slice(i + 1);
          }
        });
        return child;
      };
      const until = async (pred: () => boolean, ms: number) => {
        const end = Date.now() + ms;
        while (!pred() && Date.now() < end) await wait(200);
        return pred();
      };
      const of = (id: string) => lines.filter((l) => l.replica === id);
      const a = start("continuous-a");
      const b = start("continuous-b");
      try {
        expect(
          await until(
            () => of("continuous-a").some((l) => l.sampled >= 2) || of("continuous-b").some((l) => l.sampled >= 2),
            30_000,
          ),
        ).toBe(true);
        const [leader, followerId] = of("continuous-a").some((l) => l.sampled >= 2)
          ? [a, "continuous-b"]
          : [b, "continuous-a"];
        expect(await until(() => of(followerId).length >= 2, 20_000)).toBe(true);
        expect(of(followerId).every((l) => l.sampled === 0)).toBe(true);
        const stoppedAt = Date.now();
        leader.kill("SIGTERM");
        // the lease is released on shutdown: the follower samples within about one interval, not after expiry
        expect(await until(() => of(followerId).some((l) => l.sampled >= 1), 20_000)).toBe(true);
        const firstOwn = of(followerId).find((l) => l.sampled >= 1)!;
        expect(firstOwn.t - stoppedAt).toBeLessThan(2_500);
        const ts = [...new Set(lines.map((l) => l.t))].sort((x, y) => x - y);
        expect(Math.max(...ts.slice(1).map((t, i) => t - ts[i]))).toBeLessThan(2_500);
      } finally {
        a.kill("SIGTERM");
        b.kill("SIGTERM");
      }
    },
  );

  it(
    "works across two Sluice processes: one samples, the other serves its ticks, and takes over when it exits",
    { timeout: 60_000 },
    async () => {
      await prisma.samplerLease.deleteMany({ where: { clusterId: CLUSTER } });
      type Line = { replica: string; t: number; sampled: number };
      const lines: Line[] = [];
      const start = (id: string): ChildProcess => {
        const child = spawn(
          process.execPath,
          [
            "--conditions=react-server",
            "--import",
            "tsx",
            "--import",
            "./bench/lib/register.mjs",
            "test/db/replica-process.ts",
          ],
          {
            env: { ...process.env, REPLICA_ID: id },
            stdio: ["ignore", "pipe", "inherit"],
          },
        );
        let buf = "";
        child.stdout!.on("data", (d) => {
          buf += d;
          for (let i = buf.indexOf("\n"); i >= 0; i = buf.indexOf("\n")) {
            lines.push(JSON.parse(buf.slice(0, i)) as Line);
            buf = buf.slice(i + 1);
          }
        });
        return child;
      };
      const until = async (pred: () => boolean, ms: number) => {
        const end = Date.now() + ms;
        while (!pred() && Date.now() < end) await wait(200);
        return pred();
      };
      const of = (id: string) => lines.filter((l) => l.replica === id);
      const a = start("process-a");
      try {
        expect(await until(() => of("process-a").some((l) => l.sampled >= 2), 30_000)).toBe(true);
        const b = start("process-b");
        try {
          expect(await until(() => of("process-b").length >= 3, 20_000)).toBe(true);
          expect(of("process-b").every((l) => l.sampled === 0)).toBe(true);
          const aTimes = new Set(of("process-a").map((l) => l.t));
          expect(of("process-b").filter((l) => aTimes.has(l.t)).length).toBeGreaterThanOrEqual(2);
          a.kill("SIGTERM");
          // the lease expires and b starts sampling itself
          expect(await until(() => of("process-b").some((l) => l.sampled >= 1), 20_000)).toBe(true);
        } finally {
          b.kill("SIGTERM");
        }
      } finally {
        a.kill("SIGTERM");
      }
    },
  );
});
