import { describe, expect, it } from "vitest";
import { alertRuleBodySchema, matchesTarget } from "./rules";

describe("alert rule schemas", () => {
  it("matches exact names, prefixes ending in * and, without a target, everything", () => {
    expect(matchesTarget("orders", "orders")).toBe(true);
    expect(matchesTarget("orders", "orders-2")).toBe(false);
    expect(matchesTarget("orders*", "orders-2")).toBe(true);
    expect(matchesTarget("orders*", "payments")).toBe(false);
    expect(matchesTarget(undefined, "anything")).toBe(true);
  });

  it("names the field of a bad threshold, channel or target", () => {
    const paths = (body: unknown) =>
      (alertRuleBodySchema.safeParse(body).error?.issues ?? []).map((i) => i.path.join("."));
    expect(paths({ name: "x", params: { kind: "group_lag_seconds", thresholdSeconds: 0 } })).toEqual([
      "params.thresholdSeconds",
    ]);
    expect(paths({ name: "x", params: { kind: "group_health", group: "a*b" } })).toEqual(["params.group"]);
    expect(
      paths({
        name: "x",
        params: { kind: "cluster_unreachable" },
        channels: [{ type: "webhook", url: "file:///etc/passwd" }],
      }),
    ).toEqual(["channels.0.url"]);
    expect(
      paths({
        name: "x",
        params: { kind: "cluster_unreachable" },
        channels: [{ type: "email", to: ["not-an-address"] }],
      }),
    ).toEqual(["channels.0.to.0"]);
    expect(alertRuleBodySchema.parse({ name: "x", params: { kind: "group_health" } })).toMatchObject({
      forSeconds: 0,
      repeatSeconds: 3600,
      params: { statuses: ["STALL", "STOP", "REWIND"] },
    });
  });
});
