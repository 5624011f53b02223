import { Kafka, logLevel } from "kafkajs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getQuorum } from "@/app/api/clusters/[clusterId]/quorum/route";
import { GET as getCluster } from "@/app/api/clusters/[clusterId]/route";
import { GET as listClusters } from "@/app/api/clusters/route";
import { GET as ready } from "@/app/api/ready/route";
import { GET as streams } from "@/app/api/streams/route";
import type { ClusterOverview } from "@/lib/schemas/clusters";
import { testUser } from "../auth";
import { callRoute, type Envelope } from "../call-route";
import { BOOTSTRAP, kcatMetadata } from "../infra";

const topic = `it.clusters.${Date.now()}`;
const admin = new Kafka({ clientId: "it-clusters", brokers: [BOOTSTRAP], logLevel: logLevel.NOTHING }).admin();

beforeAll(async () => {
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 3 }], waitForLeaders: true });
});
afterAll(async () => {
  await admin.deleteTopics({ topics: [topic] }).catch(() => {});
  await admin.disconnect();
});

describe("GET /api/clusters", () => {
  it("reports the local cluster online with the broker's own counts, and the dead one unreachable", async () => {
    // health waits for the quorum only briefly and otherwise shows its last known state: read it once first
    await callRoute(getQuorum, "/api/clusters/local/quorum", { clusterId: "local" });
    const { status, body } = await callRoute<{ clusters: ClusterOverview[] }>(listClusters, "/api/clusters");
    expect(status).toBe(200);

    const truth = kcatMetadata();
    const local = body.clusters.find((c) => c.id === "local")!;
    expect(local.health.status).toBe("online");
    if (local.health.status !== "online") return;
    expect(local.health.brokerCount).toBe(truth.brokers.length);
    expect(local.health.topicCount).toBe(truth.topics.length);
    expect(local.health.partitionCount).toBe(truth.topics.reduce((n, t) => n + t.partitions.length, 0));
    // single-node KRaft broker: the active quorum controller is the one node (node.id 1)
    expect(local.health.activeControllerId).toBe(truth.brokers[0].id);
    expect(local.health.kafkaVersion).toBe("4.3");
    expect(local.health.underReplicatedPartitions).toBe(0);
    expect(local.health.offlinePartitions).toBe(0);

    const offline = body.clusters.find((c) => c.id === "offline")!;
    expect(offline.health).toMatchObject({ status: "unreachable", code: "kafka_unavailable" });
    if (offline.health.status === "unreachable") expect(offline.health.reason).toMatch(/unreachable|did not answer/);
  });

  it("never sends credentials or registry URLs with secrets to the browser", async () => {
    const { body } = await callRoute<{ clusters: Record<string, unknown>[] }>(listClusters, "/api/clusters");
    for (const c of body.clusters) {
      expect(Object.keys(c).sort()).toEqual([
        "authentication",
        "bootstrapServers",
        "hasSchemaRegistry",
        "health",
        "id",
        "name",
        "readOnly",
      ]);
    }
  });
});

describe("GET /api/clusters for users with a role on some clusters only", () => {
  it("lists exactly the clusters a per-cluster viewer holds a role on", async () => {
    const viewer = await testUser("local-viewer@sluice.test", { local: "viewer" });
    const { status, body } = await callRoute<{ clusters: ClusterOverview[] }>(
      listClusters,
      "/api/clusters",
      {},
      { headers: { cookie: viewer.cookie } },
    );
    expect(status).toBe(200);
    expect(body.clusters.map((c) => c.id)).toEqual(["local"]);

    const two = await testUser("two-clusters@sluice.test", { "local-readonly": "viewer", offline: "operator" });
    const res = await callRoute<{ clusters: ClusterOverview[] }>(
      listClusters,
      "/api/clusters",
      {},
      { headers: { cookie: two.cookie } },
    );
    expect(res.body.clusters.map((c) => c.id).sort()).toEqual(["local-readonly", "offline"]);
  });

  it("gives a user without any role an empty list, and no cluster's data", async () => {
    const nobody = await testUser("no-role@sluice.test", {});
    const { status, body } = await callRoute<{ clusters: ClusterOverview[] }>(
      listClusters,
      "/api/clusters",
      {},
      { headers: { cookie: nobody.cookie } },
    );
    expect(status).toBe(200);
    expect(body.clusters).toEqual([]);
  });

  it("opens the shared live-stream connection for a per-cluster viewer", async () => {
    const viewer = await testUser("local-viewer@sluice.test", { local: "viewer" });
    const subs = Buffer.from(JSON.stringify([{ k: "m", u: "/api/clusters/local/metrics/stream" }])).toString(
      "base64url",
    );
    const controller = new AbortController();
    const res = await streams(
      new Request(`http://sluice.test/api/streams?subs=${subs}`, {
        headers: { cookie: viewer.cookie },
        signal: controller.signal,
      }),
      { params: Promise.resolve({}) },
    );
    expect(res.status, res.status === 200 ? "" : await res.text()).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/text\/event-stream/);
    controller.abort();
    await res.body?.cancel().catch(() => {});
    const nobody = await testUser("no-role@sluice.test", {});
    const refused = await callRoute<Envelope>(
      streams,
      `/api/streams?subs=${subs}`,
      {},
      { headers: { cookie: nobody.cookie } },
    );
    expect(refused.status).toBe(403);
  });
});

describe("GET /api/clusters/:clusterId", () => {
  it("includes a topic created on the broker in its counts", async () => {
    const { status, body } = await callRoute<ClusterOverview>(getCluster, "/api/clusters/local", {
      clusterId: "local",
    });
    expect(status).toBe(200);
    expect(body).toMatchObject({ id: "local", name: "Local", readOnly: false, hasSchemaRegistry: true });
    const truth = kcatMetadata();
    expect(truth.topics.some((t) => t.topic === topic)).toBe(true);
    if (body.health.status === "online") expect(body.health.topicCount).toBe(truth.topics.length);
    else throw new Error(`local cluster unreachable: ${body.health.reason}`);
  });

  it("answers 404 with the envelope for an unknown cluster", async () => {
    const { status, body, headers } = await callRoute<Envelope>(getCluster, "/api/clusters/nope", {
      clusterId: "nope",
    });
    expect(status).toBe(404);
    expect(body.error.code).toBe("not_found");
    expect(body.error.message).toContain('No cluster with id "nope"');
    expect(body.error.requestId).toBe(headers.get("x-request-id"));
  });

  it("reports an unreachable cluster by its connect deadline, while the healthy one stays online", async () => {
    const started = Date.now();
    const dead = callRoute<ClusterOverview>(getCluster, "/api/clusters/offline", { clusterId: "offline" });
    const live = await callRoute<ClusterOverview>(getCluster, "/api/clusters/local", { clusterId: "local" });
    const { body } = await dead;
    // Hang detection, not a speed test: the OS connect timeout would take minutes; Sluice's deadline is seconds.
    expect(Date.now() - started).toBeLessThanOrEqual(30_000);
    expect(body.health.status).toBe("unreachable");
    expect(live.body.health.status).toBe("online");
  });
});

describe("GET /api/ready", () => {
  it("is ready when the migrated database answers", async () => {
    const { status, body } = await callRoute(ready, "/api/ready");
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: "ready" });
  });
});
