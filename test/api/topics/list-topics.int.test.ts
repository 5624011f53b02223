import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as listTopics } from "@/app/api/clusters/[clusterId]/topics/route";
import type { TopicList } from "@/lib/schemas/topics";
import { invalidateTopicSnapshot } from "@/server/kafka/topic-snapshot";
import { callRoute, type Envelope } from "../../call-route";
import { kcatMetadata } from "../../infra";
import { produce, testAdmin } from "../../kafka-admin";

const prefix = `it.list.${Date.now().toString(36)}`;
const names = Array.from({ length: 7 }, (_, i) => `${prefix}.t${i}`);
const admin = testAdmin();
const list = (query: string) =>
  callRoute<TopicList & Envelope>(listTopics, `/api/clusters/local/topics?${query}`, { clusterId: "local" });

async function listAll(query: string): Promise<TopicList["items"]> {
  const items: TopicList["items"] = [];
  let cursor: string | null = null;
  do {
    const res: { status: number; body: TopicList } = await list(`${query}${cursor ? `&cursor=${cursor}` : ""}`);
    expect(res.status).toBe(200);
    items.push(...res.body.items);
    cursor = res.body.nextCursor;
  } while (cursor);
  return items;
}

beforeAll(async () => {
  await admin.connect();
  await admin.createTopics({
    waitForLeaders: true,
    topics: names.map((topic, i) => ({
      topic,
      numPartitions: 1 + (i % 3),
      configEntries: i === 0 ? [{ name: "cleanup.policy", value: "compact" }] : [],
    })),
  });
  await produce(names[2], 5);
  invalidateTopicSnapshot("local");
});
afterAll(async () => {
  await admin.deleteTopics({ topics: names }).catch(() => {});
  await admin.disconnect();
});

describe("GET /api/clusters/:clusterId/topics", () => {
  it("lists what the broker holds, hiding internal topics unless asked", async () => {
    const truth = kcatMetadata().topics;
    // Page through every result: the broker may hold more topics than one page (the test broker holds > 1,000).
    const all = await listAll("internal=true&limit=500");
    expect(all.map((t) => t.name).sort()).toEqual(truth.map((t) => t.topic).sort());
    const visible = await listAll("limit=500");
    expect(visible.some((t) => t.name.startsWith("__"))).toBe(false);
    expect(visible.length).toBe(truth.filter((t) => !t.topic.startsWith("__")).length);
  });

  it("filters by substring, reports partitions, records and cleanup policy", async () => {
    const { body } = await list(`q=${prefix}`);
    expect(body.total).toBe(7);
    const t2 = body.items.find((t) => t.name === names[2])!;
    expect(t2).toMatchObject({ partitions: 3, replicationFactor: 1, records: 5, underReplicated: 0, offline: 0 });
    expect(body.items.find((t) => t.name === names[0])?.cleanupPolicy).toBe("compact");
    expect(body.totalPartitions).toBe(1 + 2 + 3 + 1 + 2 + 3 + 1);
  });

  it("pages with a stateless cursor in any sort order without gaps or repeats", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { body: TopicList } = await list(
        `q=${prefix}&sort=partitions&dir=desc&limit=3${cursor ? `&cursor=${cursor}` : ""}`,
      );
      seen.push(...res.body.items.map((t) => t.name));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
    // partitions desc, then name asc
    expect(seen.slice(0, 2)).toEqual([names[2], names[5]]);
  });

  it("matches a regex, and answers 422 for an invalid one", async () => {
    const ok = await list(`q=${encodeURIComponent(`^${prefix.replaceAll(".", "\\.")}\\.t[0-2]$`)}&regex=true`);
    expect(ok.body.items.map((t) => t.name)).toEqual(names.slice(0, 3));
    const bad = await list("q=(unclosed&regex=true");
    expect(bad.status).toBe(422);
    expect(bad.body.error.message).toMatch(/not a valid regular expression/);
  });

  it("refuses a cursor of another sort and an unknown sort key", async () => {
    const first = await list(`q=${prefix}&limit=2`);
    const other = await list(`q=${prefix}&sort=records&cursor=${first.body.nextCursor}`);
    expect(other.status).toBe(400);
    expect(other.body.error.message).toMatch(/another sort order/);
    const badSort = await list("sort=colour");
    expect(badSort.status).toBe(422);
    expect(badSort.body.error.details?.[0].path).toBe("sort");
  });
});
