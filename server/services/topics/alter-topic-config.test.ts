import { describe, expect, it } from "vitest";
import type { DescribedConfig } from "@/server/kafka/configs";
import { diffOf, overridesAt, predictOverrides } from "@/server/services/configs/alter-configs";

const cfg = (name: string, value: string | null, source: number, isSensitive = false): DescribedConfig => ({
  name,
  value,
  source,
  isSensitive,
  readOnly: false,
});
const none = { set: {}, reset: [], append: {}, subtract: {} };

describe("predictOverrides (the preview of an IncrementalAlterConfigs change)", () => {
  const configs = [
    cfg("retention.ms", "1000", 1),
    cfg("cleanup.policy", "compact", 1),
    cfg("max.message.bytes", "2048", 1),
    cfg("segment.ms", "604800000", 5),
  ];

  it("keeps every other override when one key changes", () => {
    expect(predictOverrides(configs, "topic", { ...none, set: { "retention.ms": "5000" } })).toEqual({
      "retention.ms": "5000",
      "cleanup.policy": "compact",
      "max.message.bytes": "2048",
    });
  });

  it("drops a reset key and reports adding a new one, only for the keys named", () => {
    const after = predictOverrides(configs, "topic", {
      ...none,
      set: { "segment.ms": "60000" },
      reset: ["cleanup.policy"],
    });
    expect(diffOf(overridesAt(configs, "topic"), after, ["segment.ms", "cleanup.policy"], () => false)).toEqual([
      { name: "cleanup.policy", before: "compact", after: null },
      { name: "segment.ms", before: null, after: "60000" },
    ]);
  });

  it("appends to and subtracts from a list value, starting from the value in effect", () => {
    const defaults = [cfg("cleanup.policy", "delete", 5)];
    expect(predictOverrides(defaults, "topic", { ...none, append: { "cleanup.policy": "compact" } })).toEqual({
      "cleanup.policy": "delete,compact",
    });
    expect(
      predictOverrides(configs, "topic", { ...none, append: { "cleanup.policy": "compact" } })["cleanup.policy"],
    ).toBe("compact");
    expect(
      predictOverrides([cfg("cleanup.policy", "delete,compact", 1)], "topic", {
        ...none,
        subtract: { "cleanup.policy": "delete" },
      }),
    ).toEqual({ "cleanup.policy": "compact" });
  });

  it("reports no change when a value is set to what it already is, and masks secrets", () => {
    const before = overridesAt(configs, "topic");
    expect(
      diffOf(
        before,
        predictOverrides(configs, "topic", { ...none, set: { "retention.ms": "1000" } }),
        ["retention.ms"],
        () => false,
      ),
    ).toEqual([]);
    expect(diffOf({}, { "ssl.key.password": "hunter2" }, ["ssl.key.password"], () => true)).toEqual([
      { name: "ssl.key.password", before: null, after: "••••••" },
    ]);
  });

  it("reads the overrides of the target's own level only", () => {
    const broker = [cfg("log.cleaner.threads", "2", 2), cfg("log.retention.ms", "1", 3), cfg("num.io.threads", "8", 4)];
    expect(overridesAt(broker, "broker")).toEqual({ "log.cleaner.threads": "2" });
    expect(overridesAt(broker, "broker-default")).toEqual({ "log.retention.ms": "1" });
  });
});
