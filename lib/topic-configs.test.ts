import { describe, expect, it } from "vitest";
import { createTopicBodySchema, topicNameSchema } from "./schemas/topics";
import { validateTopicConfigValue } from "./topic-configs";

describe("validateTopicConfigValue", () => {
  it("accepts values Kafka accepts", () => {
    expect(validateTopicConfigValue("retention.ms", "-1")).toBeNull();
    expect(validateTopicConfigValue("retention.ms", "604800000")).toBeNull();
    expect(validateTopicConfigValue("cleanup.policy", "compact,delete")).toBeNull();
    expect(validateTopicConfigValue("min.cleanable.dirty.ratio", "0.5")).toBeNull();
    expect(validateTopicConfigValue("unclean.leader.election.enable", "false")).toBeNull();
    expect(validateTopicConfigValue("leader.replication.throttled.replicas", "0:1,1:2")).toBeNull();
  });

  it("explains what is wrong with a value", () => {
    expect(validateTopicConfigValue("retention.ms", "7d")).toBe('retention.ms must be a whole number, got "7d"');
    expect(validateTopicConfigValue("retention.ms", "-5")).toBe("retention.ms must be at least -1, got -5");
    expect(validateTopicConfigValue("max.message.bytes", "99999999999")).toMatch(/at most 2147483647/);
    expect(validateTopicConfigValue("cleanup.policy", "compacted")).toMatch(/comma-separated list of delete, compact/);
    expect(validateTopicConfigValue("compression.type", "brotli")).toMatch(/one of producer, uncompressed/);
    expect(validateTopicConfigValue("min.cleanable.dirty.ratio", "1.5")).toMatch(/between 0 and 1/);
    expect(validateTopicConfigValue("retention.msx", "1")).toBe('unknown topic config "retention.msx"');
  });
});

describe("createTopicBodySchema", () => {
  it("rejects illegal names, zero partitions and unknown config keys with field paths", () => {
    const r = createTopicBodySchema.safeParse({
      name: "bad name!",
      partitions: 0,
      replicationFactor: 1,
      configs: { "retention.msx": "1" },
    });
    expect(r.success).toBe(false);
    const paths = r.error!.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["name", "partitions", "configs.retention.msx"]));
  });

  it("enforces Kafka's name rules", () => {
    expect(topicNameSchema.safeParse("orders.v1_x-y").success).toBe(true);
    expect(topicNameSchema.safeParse("..").success).toBe(false);
    expect(topicNameSchema.safeParse("a".repeat(250)).success).toBe(false);
  });
});
