import { describe, expect, it } from "vitest";
import { accessViolations, grantBindings, grantsRead, ownerTeamOf } from "./access-grants";

const shop = { id: "t1", name: "checkout", prefixes: ["shop."] };
const ana = { id: "t2", name: "analytics", prefixes: ["analytics."] };
const payments = { id: "t3", name: "payments", prefixes: ["shop.payments."] };
const teams = [shop, ana, payments];
const grant = {
  principal: "User:ana-svc",
  resource: { name: "shop.orders", patternType: "LITERAL" as const },
  operations: ["READ" as const],
  group: { name: "analytics.reader", patternType: "LITERAL" as const },
};

describe("access grants", () => {
  it("stand for one ALLOW per operation on the topic and READ on the group", () => {
    expect(grantBindings(grant)).toEqual([
      {
        principal: "User:ana-svc",
        host: "*",
        permission: "ALLOW",
        resourceType: "TOPIC",
        resourceName: "shop.orders",
        patternType: "LITERAL",
        operation: "READ",
      },
      {
        principal: "User:ana-svc",
        host: "*",
        permission: "ALLOW",
        resourceType: "GROUP",
        resourceName: "analytics.reader",
        patternType: "LITERAL",
        operation: "READ",
      },
    ]);
  });

  it("are decided by the most specific owning team, or by admins when no team owns the name", () => {
    expect(ownerTeamOf(teams, "shop.orders")?.name).toBe("checkout");
    expect(ownerTeamOf(teams, "shop.payments.cards")?.name).toBe("payments");
    expect(ownerTeamOf(teams, "legacy-orders")).toBeNull();
    expect(ownerTeamOf(teams, "__consumer_offsets")).toBeNull();
  });

  it("refuse foreign principals, wildcards, unowned prefixes, internal topics and foreign groups", () => {
    const ctx = { team: ana, teamPrincipals: ["User:ana-svc"], teams };
    expect(accessViolations(grant, ctx)).toEqual([]);
    const bad = {
      principal: "User:shop-svc",
      resource: { name: "sho", patternType: "PREFIXED" as const },
      operations: ["READ" as const],
      group: { name: "shop.g", patternType: "LITERAL" as const },
    };
    expect(accessViolations(bad, ctx).map((v) => v.path)).toEqual(["principal", "resource.name", "group.name"]);
    expect(
      accessViolations({ ...grant, resource: { name: "__consumer_offsets", patternType: "LITERAL" } }, ctx)[0].issue,
    ).toContain("internal");
    expect(accessViolations({ ...grant, resource: { name: "shop.", patternType: "PREFIXED" } }, ctx)).toEqual([]);
  });

  it("grant READ on a topic by literal name or by prefix, never by WRITE or DENY", () => {
    const [read] = grantBindings(grant);
    expect(grantsRead([read], "shop.orders")).toBe(true);
    expect(grantsRead([read], "shop.orders2")).toBe(false);
    expect(grantsRead([{ ...read, patternType: "PREFIXED", resourceName: "shop." }], "shop.anything")).toBe(true);
    expect(grantsRead([{ ...read, operation: "WRITE" }], "shop.orders")).toBe(false);
    expect(grantsRead([{ ...read, permission: "DENY" }], "shop.orders")).toBe(false);
  });
});
