import { describe, expect, it } from "vitest";
import type { AclBinding } from "@/lib/schemas/access";
import { decide, effectivePermissions } from "./effective";

const b = (over: Partial<AclBinding>): AclBinding => ({
  principal: "User:orders-svc",
  host: "*",
  resourceType: "TOPIC",
  resourceName: "orders",
  patternType: "LITERAL",
  operation: "READ",
  permission: "ALLOW",
  ...over,
});

describe("decide: resolved like Kafka's StandardAuthorizer", () => {
  it("allows by a literal, a prefixed and a wildcard binding, and only for the named principal or User:*", () => {
    expect(decide([b({})], "User:orders-svc", "TOPIC", "orders", "READ").reason).toBe("allow");
    expect(decide([b({})], "User:other", "TOPIC", "orders", "READ").reason).toBe("no-acl");
    expect(
      decide([b({ resourceName: "ord", patternType: "PREFIXED" })], "User:orders-svc", "TOPIC", "orders.v1", "READ")
        .reason,
    ).toBe("allow");
    expect(
      decide([b({ resourceName: "ord", patternType: "PREFIXED" })], "User:orders-svc", "TOPIC", "payments", "READ")
        .reason,
    ).toBe("no-acl");
    expect(decide([b({ resourceName: "*" })], "User:orders-svc", "TOPIC", "anything", "READ").reason).toBe("allow");
    expect(decide([b({ principal: "User:*" })], "User:someone", "TOPIC", "orders", "READ").reason).toBe("allow");
    expect(decide([b({ resourceType: "GROUP" })], "User:orders-svc", "TOPIC", "orders", "READ").reason).toBe("no-acl");
  });

  it("lets DENY win over any ALLOW, from any pattern", () => {
    const bindings = [b({ operation: "ALL" }), b({ resourceName: "or", patternType: "PREFIXED", permission: "DENY" })];
    const d = decide(bindings, "User:orders-svc", "TOPIC", "orders", "READ");
    expect(d).toMatchObject({ allowed: false, reason: "deny" });
    expect(d.bindings).toHaveLength(1);
    expect(
      decide(
        [b({}), b({ principal: "User:*", resourceName: "*", permission: "DENY" })],
        "User:orders-svc",
        "TOPIC",
        "orders",
        "READ",
      ).reason,
    ).toBe("deny");
  });

  it("implies DESCRIBE from READ/WRITE/DELETE/ALTER and DESCRIBE_CONFIGS from ALTER_CONFIGS, for ALLOW only", () => {
    expect(decide([b({ operation: "WRITE" })], "User:orders-svc", "TOPIC", "orders", "DESCRIBE").reason).toBe("allow");
    expect(
      decide([b({ operation: "ALTER_CONFIGS" })], "User:orders-svc", "TOPIC", "orders", "DESCRIBE_CONFIGS").reason,
    ).toBe("allow");
    expect(decide([b({ operation: "DESCRIBE" })], "User:orders-svc", "TOPIC", "orders", "READ").reason).toBe("no-acl");
    // A DENY of READ does not deny DESCRIBE.
    expect(
      decide([b({ operation: "ALL" }), b({ permission: "DENY" })], "User:orders-svc", "TOPIC", "orders", "DESCRIBE")
        .reason,
    ).toBe("allow");
  });

  it("honours host-specific bindings", () => {
    expect(decide([b({ host: "10.0.0.1" })], "User:orders-svc", "TOPIC", "orders", "READ", "10.0.0.2").reason).toBe(
      "no-acl",
    );
    expect(decide([b({ host: "10.0.0.1" })], "User:orders-svc", "TOPIC", "orders", "READ", "10.0.0.1").reason).toBe(
      "allow",
    );
  });
});

describe("effectivePermissions", () => {
  it("lists one row per resource pattern with the decision for every operation of its type", () => {
    const rows = effectivePermissions(
      [
        b({}),
        b({ operation: "WRITE" }),
        b({ resourceName: "orders", patternType: "PREFIXED", operation: "READ", permission: "DENY" }),
        b({ resourceType: "GROUP", resourceName: "orders-app" }),
        b({ principal: "User:other" }),
      ],
      "User:orders-svc",
    );
    expect(rows.map((r) => `${r.resourceType}:${r.patternType}:${r.resource}`)).toEqual([
      "GROUP:LITERAL:orders-app",
      "TOPIC:LITERAL:orders",
      "TOPIC:PREFIXED:orders",
    ]);
    const literal = rows[1].ops.map((o) => [o.operation, o.decision.reason]);
    // The prefixed DENY covers the literal topic "orders" too: READ denied, WRITE allowed, DESCRIBE implied.
    expect(literal).toContainEqual(["READ", "deny"]);
    expect(literal).toContainEqual(["WRITE", "allow"]);
    expect(literal).toContainEqual(["DESCRIBE", "allow"]);
    expect(literal).toContainEqual(["DELETE", "no-acl"]);
  });
});
