import { afterAll, describe, expect, it } from "vitest";
import { prisma } from "@/server/db/prisma";
import type { GroupDetail, Tick } from "@/server/metrics/sampler";
import { evaluateAlerts } from "@/server/services/alerts/evaluate";

// A firing subject's value and message are refreshed at most every 30 s (one transaction per rule), not rewritten on
// every tick: a health rule over 1,000 stopped groups wrote 1,000 rows per tick and blocked the sampler
// (bench/sampler-cost.ts). Transitions (resolution) are still written at once. Evaluated on the real database.
const CLUSTER = "local-readonly"; // no sampler of another test evaluates its rules
const group = `it.refresh.${Date.now().toString(36)}`;
const tick = (t: number): Tick => ({ t, ok: true, produceRate: 0, consumeRate: 0, topics: [], groups: [] });
const stopped = (seconds: number): Map<string, GroupDetail> =>
  new Map([
    [
      group,
      {
        status: "STOP",
        rule: `no consumer and the committed offset stayed at 5 for ${seconds} s while lag is 15`,
        partitions: [],
      },
    ],
  ]);

afterAll(async () => {
  await prisma.alertRule.deleteMany({ where: { clusterId: CLUSTER, name: "refresh" } });
});

describe("alert state refresh", () => {
  it("keeps a firing subject's row between refreshes, refreshes it after 30 s, and resolves at once", async () => {
    const rule = await prisma.alertRule.create({
      data: {
        clusterId: CLUSTER,
        name: "refresh",
        kind: "group_health",
        params: JSON.stringify({ kind: "group_health", group, statuses: ["STOP"] }),
        channels: "[]",
        createdBy: "test",
      },
    });
    const t0 = Date.now();
    const state = () => prisma.alertState.findFirstOrThrow({ where: { ruleId: rule.id, subject: group } });
    await evaluateAlerts({ clusterId: CLUSTER, tick: tick(t0), groupDetail: stopped(10) });
    const fired = await state();
    expect(fired.state).toBe("firing");
    expect(fired.message).toMatch(/for 10 s/);
    // the next ticks see a longer span: the row is not rewritten within 30 s of its last write
    await evaluateAlerts({ clusterId: CLUSTER, tick: tick(t0 + 10_000), groupDetail: stopped(20) });
    await evaluateAlerts({ clusterId: CLUSTER, tick: tick(t0 + 20_000), groupDetail: stopped(30) });
    const kept = await state();
    expect(kept.message).toMatch(/for 10 s/);
    expect(kept.updatedAt.getTime()).toBe(fired.updatedAt.getTime());
    // 30 s after the last write it is refreshed
    await evaluateAlerts({
      clusterId: CLUSTER,
      tick: tick(fired.updatedAt.getTime() + 31_000),
      groupDetail: stopped(41),
    });
    expect((await state()).message).toMatch(/for 41 s/);
    // and a resolution is written at once
    await evaluateAlerts({
      clusterId: CLUSTER,
      tick: tick(fired.updatedAt.getTime() + 32_000),
      groupDetail: new Map(),
    });
    expect((await state()).state).toBe("resolved");
  });
});
