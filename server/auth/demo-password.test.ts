import { describe, expect, it } from "vitest";
import { demoPasswordRefusal } from "./demo-password";

describe("demoPasswordRefusal", () => {
  it("refuses the demo's admin password outside the demo", () => {
    expect(demoPasswordRefusal({ SLUICE_ADMIN_PASSWORD: "sluice-admin" })).toMatch(
      /cannot start.*demo's published password/,
    );
    expect(demoPasswordRefusal({ SLUICE_ADMIN_PASSWORD: "sluice-admin", SLUICE_DEMO: "0" })).not.toBeNull();
  });
  it("allows it in the demo, and any other password anywhere", () => {
    expect(demoPasswordRefusal({ SLUICE_ADMIN_PASSWORD: "sluice-admin", SLUICE_DEMO: "1" })).toBeNull();
    expect(demoPasswordRefusal({ SLUICE_ADMIN_PASSWORD: "a long chosen one" })).toBeNull();
    expect(demoPasswordRefusal({})).toBeNull();
  });
});
