import { describe, expect, it } from "vitest";
import { targetWithinPrefixes } from "./team-scope";

describe("targetWithinPrefixes", () => {
  it("an exact name must be owned by a prefix", () => {
    expect(targetWithinPrefixes(["payments."], "payments.orders")).toBe(true);
    expect(targetWithinPrefixes(["pay"], "pay-consumer")).toBe(true);
    expect(targetWithinPrefixes(["pay"], "payroll.x")).toBe(false);
    expect(targetWithinPrefixes(["payments."], "shipping.orders")).toBe(false);
  });
  it("a target prefix must lie inside one team prefix", () => {
    expect(targetWithinPrefixes(["payments."], "payments.*")).toBe(true);
    expect(targetWithinPrefixes(["payments."], "payments.orders*")).toBe(true);
    expect(targetWithinPrefixes(["pay"], "pay.*")).toBe(true);
    expect(targetWithinPrefixes(["pay"], "pay*")).toBe(false);
    expect(targetWithinPrefixes(["payments."], "payments*")).toBe(false);
    expect(targetWithinPrefixes(["pay*"], "payroll*")).toBe(true);
    expect(targetWithinPrefixes(["payments."], "*")).toBe(false);
  });
  it("every name (no target) and internal names are never a team's", () => {
    expect(targetWithinPrefixes(["payments."], undefined)).toBe(false);
    expect(targetWithinPrefixes(["a*"], "__consumer*")).toBe(false);
    expect(targetWithinPrefixes([], "payments.orders")).toBe(false);
  });
});
