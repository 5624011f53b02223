import { describe, expect, it } from "vitest";
import { GET as getBrokerConfigs } from "@/app/api/clusters/[clusterId]/brokers/[brokerId]/configs/route";
import { GET as listBrokers } from "@/app/api/clusters/[clusterId]/brokers/route";
import type { Broker, ConfigEntry } from "@/lib/schemas/clusters";
import { callRoute, type Envelope } from "../call-route";
import { kcatMetadata } from "../infra";

describe("GET /api/clusters/:clusterId/brokers", () => {
  it("lists the brokers the cluster reports, with partitions led and replicas held", async () => {
    const { status, body } = await callRoute<{ brokers: Broker[] }>(listBrokers, "/api/clusters/local/brokers", {
      clusterId: "local",
    });
    expect(status).toBe(200);
    const truth = kcatMetadata();
    expect(body.brokers.map((b) => b.nodeId)).toEqual(truth.brokers.map((b) => b.id).sort((a, b) => a - b));
    expect(body.brokers.map((b) => `${b.host}:${b.port}`)).toEqual(truth.brokers.map((b) => b.name));
    const partitions = truth.topics.flatMap((t) => t.partitions);
    for (const b of body.brokers) {
      expect(b.leaderPartitions).toBe(partitions.filter((p) => p.leader === b.nodeId).length);
    }
  });

  it("answers 503 kafka_unavailable for an unreachable cluster", async () => {
    const { status, body } = await callRoute<Envelope>(listBrokers, "/api/clusters/offline/brokers", {
      clusterId: "offline",
    });
    expect(status).toBe(503);
    expect(body.error.code).toBe("kafka_unavailable");
    expect(body.error.message).toMatch(/Offline|offline/);
  });
});

describe("GET /api/clusters/:clusterId/brokers/:brokerId/configs", () => {
  it("returns the broker's configuration with sources and masks sensitive values", async () => {
    const brokerId = String(kcatMetadata().brokers[0].id);
    const { status, body } = await callRoute<{ configs: ConfigEntry[] }>(
      getBrokerConfigs,
      `/api/clusters/local/brokers/${brokerId}/configs`,
      { clusterId: "local", brokerId },
    );
    expect(status).toBe(200);
    const byName = new Map(body.configs.map((c) => [c.name, c]));
    // dev/kafka.sh sets these in server.properties, so the broker reports them as static config.
    expect(byName.get("offsets.topic.num.partitions")).toMatchObject({
      value: "1",
      isDefault: false,
      source: "static broker config",
    });
    expect(byName.get("auto.create.topics.enable")?.value).toBe("false");
    expect(byName.get("num.io.threads")?.isDefault).toBe(false);
    const sensitive = body.configs.filter((c) => c.isSensitive);
    expect(sensitive.length).toBeGreaterThan(0);
    for (const c of sensitive) expect(c.value === null || c.value === "••••••").toBe(true);
  });

  it("answers 404 for a broker id the cluster does not have, 422 for a non-number", async () => {
    const missing = await callRoute<Envelope>(getBrokerConfigs, "/api/clusters/local/brokers/999/configs", {
      clusterId: "local",
      brokerId: "999",
    });
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toContain("Broker 999 is not part of");
    const bad = await callRoute<Envelope>(getBrokerConfigs, "/api/clusters/local/brokers/abc/configs", {
      clusterId: "local",
      brokerId: "abc",
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details?.[0].path).toBe("brokerId");
  });
});
