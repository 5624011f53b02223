import { execFileSync } from "node:child_process";
import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import { E2E_ADMIN } from "../../playwright.config";
import { KafkaFixture, uniqueTopicName } from "../fixtures/kafka";
import { RecordsFixture } from "../fixtures/records";
import { keepScreenshot } from "../fixtures/screenshot";
import { readState, type ReplicaState } from "./stack";

const kafka = new KafkaFixture();
const records = new RecordsFixture();
const state = readState();
const db = new pg.Client({ connectionString: state.databaseUrl });
test.beforeAll(async () => db.connect());
test.afterAll(async () => {
  await records.close();
  await kafka.cleanup();
  await db.end();
});

/** The replica whose pid is in the sampler lease of cluster "local" (holder = `<host>-<pid>-<random>`), if any. */
async function leaseHolder(): Promise<ReplicaState | null> {
  const { rows } = await db.query<{ holder: string; expiresAt: Date }>(
    `SELECT holder, "expiresAt" FROM "SamplerLease" WHERE "clusterId" = 'local'`,
  );
  const pid = Number(/-(\d+)-[^-]+$/.exec(rows[0]?.holder ?? "")?.[1]);
  return state.replicas.find((r) => r.pid === pid) ?? null;
}

/**
 * The replica holding the browser's shared stream connection (/api/streams through nginx): nginx opens one upstream
 * connection per request (no upstream keepalive), so the one that stays open across samples is the stream.
 */
async function streamingReplica(): Promise<ReplicaState> {
  const sample = () => {
    const conns = new Set<string>();
    for (const line of execFileSync("ss", ["-tnH", "state", "established"], { encoding: "utf8" }).split("\n")) {
      const [local, peer] = line
        .trim()
        .split(/\s+/)
        .filter((t) => /:\d+$/.test(t));
      if (local && state.replicas.some((r) => local.endsWith(`:${r.port}`))) conns.add(`${local} ${peer}`);
    }
    return conns;
  };
  let lasting: string[] = [];
  // A slow page request can also outlast a round of samples on a busy host: sample again until one replica is left.
  for (let round = 0; round < 10; round++) {
    const seen: Set<string>[] = [];
    for (let i = 0; i < 6; i++) {
      seen.push(sample());
      await new Promise((r) => setTimeout(r, 400));
    }
    lasting = [...seen[0]].filter((c) => seen.every((s) => s.has(c)));
    const ports = new Set(lasting.map((c) => Number(c.split(" ")[0].split(":").pop())));
    if (ports.size === 1) return state.replicas.find((r) => r.port === [...ports][0])!;
  }
  throw new Error(
    `no single replica holds the stream; long-lived upstream connections: ${lasting.join(", ") || "none"}`,
  );
}

const keysIn = async (page: Page) =>
  (await page.getByTestId("message-table").getByRole("row").allInnerTexts()).flatMap(
    (t) => /rec-\d{3}/.exec(t)?.[0] ?? [],
  );

test("a replica killed in the middle of a live tail and a metrics stream: the browser resumes through nginx on the other one, with no gap and no duplicate, and the sampler lease moves", async ({
  page,
  context,
}) => {
  // Signed in through nginx; the session is valid on both replicas (one database, one secret).
  const signIn = await context.request.post("/api/session", { data: E2E_ADMIN });
  expect(signIn.status(), await signIn.text()).toBe(200);
  // Round robin, no stickiness: consecutive requests reach both replicas.
  const upstreams = new Set<string>();
  for (let i = 0; i < 4; i++) upstreams.add((await context.request.get("/api/me")).headers()["x-sluice-upstream"]);
  expect([...upstreams].sort()).toEqual(state.replicas.map((r) => `127.0.0.1:${r.port}`).sort());

  const topic = uniqueTopicName("replicas-tail");
  await kafka.createTopics([topic], 1);
  // Tab 1: the live tail; tab 2: the cluster overview's metrics. Both travel on the browser's one shared stream.
  await page.goto(`/clusters/local/topics/${encodeURIComponent(topic)}/messages`);
  await page.getByTestId("messages-tab-live").click();
  await page.getByTestId("live-toggle").click();
  await expect(page.getByTestId("live-state")).toHaveText("live", { timeout: 30_000 });
  const overview = await context.newPage();
  await overview.goto("/clusters/local");
  // Generous: on a busy shared host the overview can take 20 s and more to load and hydrate next to the tail.
  await expect(overview.getByTestId("metrics-live-state")).toHaveText("live", { timeout: 45_000 });

  // The replica to kill serves the stream; make it the sampler's leader too, so the lease must move: pausing the
  // other one (SIGSTOP) for longer than the lease's TTL (3 × 1 s) hands the lease to the streaming replica.
  const victim = await streamingReplica();
  const survivor = state.replicas.find((r) => r !== victim)!;
  if ((await leaseHolder()) !== victim) {
    process.kill(survivor.pid, "SIGSTOP");
    try {
      await expect.poll(leaseHolder, { timeout: 15_000 }).toBe(victim);
    } finally {
      process.kill(survivor.pid, "SIGCONT");
    }
  }
  await expect(overview.getByTestId("metrics-live-state")).toHaveText("live");

  // Numbered records, one every 100 ms, before, during and after the kill.
  const total = 40;
  const name = (i: number) => `rec-${String(i).padStart(3, "0")}`;
  const producing = (async () => {
    for (let i = 0; i < total; i++) {
      await records.send(topic, [{ key: name(i), value: JSON.stringify({ n: i }) }]);
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  await expect(page.getByTestId("live-counts")).toHaveText(/^(1\d|2\d|3\d) received/, { timeout: 20_000 });
  const killedAt = Date.now();
  process.kill(victim.pid, "SIGKILL");

  // The sampler lease reaches the survivor within a bound (TTL 3 s + one 1 s tick + slack); measured.
  await expect.poll(leaseHolder, { timeout: 15_000, intervals: [100] }).toBe(survivor);
  const handOverMs = Date.now() - killedAt;
  console.log(`replicas-proxy: sampler lease hand-over after SIGKILL of the leader: ${handOverMs} ms`);
  test.info().annotations.push({ type: "lease hand-over (ms)", description: String(handOverMs) });
  expect(handOverMs).toBeLessThan(10_000);

  // The tail reconnected through nginx to the survivor and resumed from Last-Event-ID: every record exactly once.
  await producing;
  const producedAt = Date.now();
  await expect(page.getByTestId("live-state")).toHaveText("live");
  await expect(page.getByTestId("live-counts")).toHaveText(`${total} received`, { timeout: 20_000 });
  const shownAt = Date.now();
  const keys = await keysIn(page);
  expect(keys.slice().sort()).toEqual(Array.from({ length: total }, (_, i) => name(i)));
  console.log(
    `replicas-proxy: all ${total} records shown once, ${shownAt - producedAt} ms after the last was produced (${producedAt - killedAt} ms after the kill)`,
  );
  await keepScreenshot(page, "replicas-proxy-tail");

  // The metrics stream goes on from the survivor, now the leader: a topic produced to after the kill shows up.
  const late = uniqueTopicName("replicas-late");
  await kafka.createTopics([late], 1);
  let on = true;
  const lateProducing = (async () => {
    for (let i = 0; on; i++) {
      await records.send(
        late,
        Array.from({ length: 20 }, (_, j) => ({ key: `l${i}-${j}`, value: "late" })),
      );
      await new Promise((r) => setTimeout(r, 200));
    }
  })();
  try {
    await expect(overview.getByTestId("metrics-live-state")).toHaveText("live");
    await expect(overview.getByTestId("top-topics")).toContainText(late, { timeout: 25_000 });
  } finally {
    on = false;
    await lateProducing;
  }
  expect(await streamingReplica()).toBe(survivor);
  await keepScreenshot(overview, "replicas-proxy-overview");
});
