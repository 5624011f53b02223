import { describe, expect, it } from "vitest";
import { mergeOverrides } from "./alter-topic-config";

describe("mergeOverrides", () => {
  const current = { "retention.ms": "1000", "cleanup.policy": "compact", "max.message.bytes": "2048" };

  it("keeps every other override when one key changes", () => {
    const { overrides, changes } = mergeOverrides(current, { set: { "retention.ms": "5000" }, reset: [] });
    expect(overrides).toEqual({ "retention.ms": "5000", "cleanup.policy": "compact", "max.message.bytes": "2048" });
    expect(changes).toEqual([{ name: "retention.ms", before: "1000", after: "5000" }]);
  });

  it("drops a reset key and reports adding a new one", () => {
    const { overrides, changes } = mergeOverrides(current, { set: { "segment.ms": "60000" }, reset: ["cleanup.policy"] });
    expect(overrides).toEqual({ "retention.ms": "1000", "max.message.bytes": "2048", "segment.ms": "60000" });
    expect(changes).toEqual([
      { name: "cleanup.policy", before: "compact", after: null },
      { name: "segment.ms", before: null, after: "60000" },
    ]);
  });

  it("reports no change when a value is set to what it already is", () => {
    expect(mergeOverrides(current, { set: { "retention.ms": "1000" }, reset: [] }).changes).toEqual([]);
  });
});
