import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getGroupRoute } from "@/app/api/clusters/[clusterId]/consumer-groups/[groupId]/route";
import { GET as listRoute } from "@/app/api/clusters/[clusterId]/consumer-groups/route";
import { POST as resetRoute } from "@/app/api/clusters/[clusterId]/consumer-groups/[groupId]/offsets/reset/route";
import type { GroupDetail, GroupListItem } from "@/lib/schemas/groups";
import { listGroupsFresh } from "../../groups";
import { callRoute } from "../../call-route";
import { commitOffsets, produce, testAdmin, uniqueTopic } from "../../kafka-admin";

const admin = testAdmin();
const topic = uniqueTopic("health");
const id = (s: string) => `${topic}.${s}`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function list(): Promise<Map<string, GroupListItem>> {
  const res = await listGroupsFresh(topic);
  return new Map(res.body.items.map((g) => [g.groupId, g]));
}
/** Opening a group's page reads it fresh, which also adds an observation to its history. */
const look = (group: string) =>
  callRoute(getGroupRoute, `/api/clusters/local/consumer-groups/${encodeURIComponent(group)}`, {
    clusterId: "local",
    groupId: group,
  });
const commit = (group: string, offset: number) => commitOffsets(group, topic, { 0: offset });

beforeAll(async () => {
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
});
afterAll(async () => {
  await admin.deleteGroups([id("stopped"), id("slow"), id("caught-up"), id("rewound")]).catch(() => {});
  await admin.deleteTopics({ topics: [topic] });
  await admin.disconnect();
});

describe("consumer group health (Burrow-style) and lag in seconds", () => {
  it("tells stopped, slow, caught-up and rewound groups apart, naming the rule", { timeout: 90_000 }, async () => {
    // Four sampling rounds; the topic grows by 20 records each round.
    let end = 0;
    const started = Date.now();
    for (let round = 0; round < 4; round++) {
      await produce(topic, 20);
      end += 20;
      await commit(id("stopped"), 5); // never moves
      await commit(id("slow"), 5 + round * 5); // moves, lag grows
      await commit(id("caught-up"), end);
      await commit(id("rewound"), round === 2 ? 1 : 10 + round);
      for (const g of ["stopped", "slow", "caught-up", "rewound"]) await look(id(g));
      await sleep(300);
    }
    const groups = await list();
    expect(groups.get(id("stopped"))).toMatchObject({
      status: "STOP",
      statusRule: expect.stringMatching(
        /^.+-0: no consumer and the committed offset stayed at 5 for \d+ s while lag is 75$/,
      ),
    });
    expect(groups.get(id("slow"))?.status).toBe("WARNING");
    expect(groups.get(id("slow"))?.statusRule).toContain("falling behind");
    expect(groups.get(id("caught-up"))).toMatchObject({ status: "OK", maxLagSeconds: 0 });
    expect(groups.get(id("rewound"))).toMatchObject({
      status: "REWIND",
      statusRule: expect.stringMatching(/went back from 1[01] to 1$/),
    });

    // The stopped group's seconds estimate: its offset 5 was the log end at most as long ago as the test began.
    const stopped = groups.get(id("stopped"))!.maxLagSeconds!;
    expect(stopped).toBeGreaterThan(0);
    expect(stopped).toBeLessThanOrEqual(Math.ceil((Date.now() - started) / 1000) + 1);
  });

  it("shows per-partition seconds, health and time to catch up on the group page", async () => {
    const res = await callRoute<GroupDetail>(
      getGroupRoute,
      `/api/clusters/local/consumer-groups/${encodeURIComponent(id("stopped"))}`,
      { clusterId: "local", groupId: id("stopped") },
    );
    expect(res.status).toBe(200);
    expect(res.body.status).toBe("STOP");
    expect(res.body.partitions[0]).toMatchObject({ status: "STOP", lagSecondsExtrapolated: expect.any(Boolean) });
    expect(res.body.partitions[0].lagSeconds).toBeGreaterThan(0);
    expect(res.body.catchUpSeconds).toBeNull();
    expect(res.body.catchUpReason).toBe("not consuming");
  });

  it("pages the sorted list on the server", async () => {
    const page = (offset: number) =>
      callRoute<{ items: GroupListItem[]; total: number; nextOffset: number | null }>(
        listRoute,
        `/api/clusters/local/consumer-groups?q=${encodeURIComponent(topic)}&sort=groupId&dir=asc&limit=3&offset=${offset}`,
        { clusterId: "local" },
      );
    const first = await page(0);
    expect(first.body).toMatchObject({ total: 4, nextOffset: 3 });
    expect(first.body.items.map((g) => g.groupId)).toEqual([id("caught-up"), id("rewound"), id("slow")]);
    const second = await page(3);
    expect(second.body).toMatchObject({ total: 4, nextOffset: null });
    expect(second.body.items.map((g) => g.groupId)).toEqual([id("stopped")]);
  });

  it("refuses a reset beyond the log unless clamping was chosen, and explains a timestamp with no later record", async () => {
    const preview = (to: object) =>
      callRoute<{ partitions: { next: string; note?: string }[]; error?: { message: string } }>(
        resetRoute,
        `/api/clusters/local/consumer-groups/${encodeURIComponent(id("stopped"))}/offsets/reset?dryRun=true`,
        { clusterId: "local", groupId: id("stopped") },
        {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ topics: [{ topic }], to }),
        },
      );
    const refused = await preview({ type: "shift", by: -100 });
    expect(refused.status).toBe(422);
    expect(refused.body.error!.message).toContain("gives -95, outside the partition's range 0–80");
    const clamped = await preview({ type: "shift", by: -100, clamp: true });
    expect(clamped.body.partitions[0]).toMatchObject({ next: "0", note: "clamped to the partition's range 0–80" });
    const future = await preview({ type: "timestamp", timestamp: Date.now() + 3_600_000 });
    expect(future.body.partitions[0]).toMatchObject({
      next: "80",
      note: expect.stringContaining("no record at or after that time"),
    });
  });
});
