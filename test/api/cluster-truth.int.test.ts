import { describe, expect, it } from "vitest";
import { GET as listBrokers } from "@/app/api/clusters/[clusterId]/brokers/route";
import { GET as getQuorum } from "@/app/api/clusters/[clusterId]/quorum/route";
import type { Broker, ClusterTruth } from "@/lib/schemas/clusters";
import { callRoute, type Envelope } from "../call-route";
import { kcatMetadata } from "../infra";

// dev/kafka.sh runs one combined KRaft node (process.roles=broker,controller, node.id 1, a single voter).
describe("GET /api/clusters/:clusterId/quorum", () => {
  it("reports Kafka 4.3, metadata.version 4.3-IV0 and the finalized features the broker holds", async () => {
    const { status, body } = await callRoute<ClusterTruth>(getQuorum, "/api/clusters/local/quorum", {
      clusterId: "local",
    });
    expect(status).toBe(200);
    expect(body.kafkaVersion).toBe("4.3");
    expect(body.metadataVersion).toEqual({ level: 30, name: "4.3-IV0" });
    const byName = new Map(body.features.map((f) => [f.name, f]));
    expect(byName.get("metadata.version")).toMatchObject({ finalizedLevel: 30, supportedMax: 30 });
    expect(byName.get("group.version")?.finalizedLevel).toBeGreaterThanOrEqual(1);
    expect(byName.get("transaction.version")?.finalizedLevel).toBeGreaterThanOrEqual(1);
    expect(body.unavailable).toEqual([]);
  });

  it("names the active controller and the voters the single-node quorum has, with their lag and fetch times", async () => {
    const node = kcatMetadata().brokers[0].id;
    const { body } = await callRoute<ClusterTruth>(getQuorum, "/api/clusters/local/quorum", { clusterId: "local" });
    expect(body.activeControllerId).toBe(node);
    expect(body.quorum?.leaderId).toBe(node);
    expect(body.quorum?.leaderEpoch).toBeGreaterThanOrEqual(1);
    expect(body.quorum?.voters.map((v) => v.replicaId)).toEqual([node]);
    expect(body.quorum?.voters[0]).toMatchObject({ isLeader: true, lag: 0 });
    expect(Date.parse(body.quorum!.voters[0].lastCaughtUpAt!)).toBeGreaterThan(Date.now() - 10 * 60_000);
    expect(BigInt(body.quorum!.highWatermark)).toBeGreaterThan(0n);
    // a combined node is a voter, so no observer
    expect(body.quorum?.observers).toEqual([]);
  });

  it("marks the active controller on the brokers list from the quorum, not the Metadata response's guess", async () => {
    const { body } = await callRoute<{ brokers: Broker[] }>(listBrokers, "/api/clusters/local/brokers", {
      clusterId: "local",
    });
    expect(body.brokers.map((b) => [b.nodeId, b.quorumRole])).toEqual([
      [kcatMetadata().brokers[0].id, "active controller"],
    ]);
  });

  it("answers 503 for an unreachable cluster, not 500", async () => {
    const { status, body } = await callRoute<Envelope>(getQuorum, "/api/clusters/offline/quorum", {
      clusterId: "offline",
    });
    expect(status).toBe(503);
    expect(body.error.code).toBe("kafka_unavailable");
  });
});
