import { describe, expect, it } from "vitest";
import { checkPolicy, DEFAULT_POLICY } from "./policy";

const policy = {
  ...DEFAULT_POLICY,
  maxPartitions: 12,
  maxReplication: 1,
  minRetentionMs: "3600000",
  maxRetentionMs: "604800000",
  requiredConfigs: ["retention.ms"],
  namePattern: "[a-z]+\\.[a-z0-9.-]+",
};
const create = (over: object = {}) => ({
  kind: "create" as const,
  topicName: "payments.orders",
  teamId: "t",
  justification: "because we need it",
  partitions: 6,
  replicationFactor: 1,
  configs: { "retention.ms": "86400000" },
  ...over,
});

describe("checkPolicy", () => {
  it("accepts a compliant request", () => {
    expect(checkPolicy(policy, ["payments."], create())).toEqual([]);
  });

  it("lists every violation, each with its field", () => {
    const v = checkPolicy(
      policy,
      ["payments."],
      create({ topicName: "Shipping_X", partitions: 40, replicationFactor: 3, configs: { "retention.ms": "-1" } }),
    );
    expect(v.map((x) => x.path)).toEqual([
      "topicName",
      "topicName",
      "partitions",
      "replicationFactor",
      "configs.retention.ms",
    ]);
    expect(v[2].issue).toBe("40 partitions is above the maximum of 12");
    expect(v[4].issue).toContain("forever");
  });

  it("requires the policy's configs and enforces the retention minimum", () => {
    expect(checkPolicy(policy, ["payments."], create({ configs: {} }))).toEqual([
      { path: "configs.retention.ms", issue: "retention.ms must be set" },
    ]);
    expect(checkPolicy(policy, ["payments."], create({ configs: { "retention.ms": "1000" } }))[0].issue).toContain(
      "below the minimum of 1 h",
    );
  });

  it("lets a change touch only the team's own topics, even when the prefix rule is off for creation", () => {
    const off = { ...policy, requireTeamPrefix: false };
    expect(checkPolicy(off, ["payments."], create({ topicName: "shared.events" }))).toEqual([]);
    const del = { kind: "delete" as const, topicName: "shared.events", teamId: "t", justification: "no longer used" };
    expect(checkPolicy(off, ["payments."], del)[0].path).toBe("topicName");
  });

  it("refuses resetting a required config", () => {
    const alter = {
      kind: "alter-configs" as const,
      topicName: "payments.orders",
      teamId: "t",
      justification: "tidy the overrides",
      set: {},
      reset: ["retention.ms"],
    };
    expect(checkPolicy(policy, ["payments."], alter)).toEqual([
      { path: "reset.retention.ms", issue: "retention.ms is required by the policy and cannot be reset" },
    ]);
  });
});

describe("checkPolicy name patterns", () => {
  it("runs a catastrophic-backtracking pattern in linear time (RE2), so one policy cannot freeze the server", () => {
    const evil = { ...DEFAULT_POLICY, requireTeamPrefix: false, namePattern: "(a+)+" };
    const started = performance.now();
    const v = checkPolicy(evil, [], create({ topicName: `${"a".repeat(25)}-x` }));
    expect(performance.now() - started).toBeLessThan(200);
    expect(v.map((x) => x.path)).toEqual(["topicName"]);
    expect(checkPolicy(evil, [], create({ topicName: "a".repeat(30) }))).toEqual([]);
  });
});
