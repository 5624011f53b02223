import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DELETE as deleteAcls, GET as listAcls, POST as createAcl } from "@/app/api/clusters/[clusterId]/acls/route";
import { GET as listQuotas, PUT as putQuota } from "@/app/api/clusters/[clusterId]/quotas/route";
import { POST as rotateScram } from "@/app/api/clusters/[clusterId]/scram-users/[userName]/rotate/route";
import { DELETE as deleteScram } from "@/app/api/clusters/[clusterId]/scram-users/[userName]/route";
import { GET as listScram, POST as createScram } from "@/app/api/clusters/[clusterId]/scram-users/route";
import type {
  AclCreateResponse,
  AclDeleteResponse,
  AclListResponse,
  QuotaEntry,
  ScramUpsertResponse,
  ScramUser,
} from "@/lib/schemas/access";
import { prisma } from "@/server/db/prisma";
import { callRoute, type Envelope } from "../../call-route";
import { testAdmin } from "../../kafka-admin";
import { scramConsume, scramMetadata, scramProduce } from "../../scram-client";

// Each real Java client is a JVM start (seconds on a busy machine).
const SLOW = { timeout: 180_000 };
const u = Date.now().toString(36);
const topic = `it.acl.${u}`;
const user = `it-svc-${u}`;
const principal = `User:${user}`;
const L = { clusterId: "local" };
const json = (method: string, body?: unknown) => ({
  method,
  headers: { "content-type": "application/json" },
  ...(body === undefined ? {} : { body: JSON.stringify(body) }),
});
const qs = (o: Record<string, string>) => new URLSearchParams(o).toString();

const admin = testAdmin();
let password = "";

beforeAll(async () => {
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 1 }] });
});
afterAll(async () => {
  await callRoute(deleteAcls, `/api/clusters/local/acls?${qs({ principal })}`, L, json("DELETE"));
  await callRoute(deleteScram, `/api/clusters/local/scram-users/${user}`, { ...L, userName: user }, json("DELETE"));
  await admin.deleteTopics({ topics: [topic] }).catch(() => {});
  await admin.disconnect();
});

describe("SCRAM users, proven by authenticating on the broker's SCRAM listener", () => {
  it("creates a user with a generated password shown once, never stored or audited", SLOW, async () => {
    const created = await callRoute<ScramUpsertResponse>(
      createScram,
      "/api/clusters/local/scram-users",
      L,
      json("POST", { name: user, mechanism: "SCRAM-SHA-512" }),
    );
    expect(created.status).toBe(201);
    expect(created.body.generatedPassword).toMatch(/^[A-Za-z0-9_-]{32}$/);
    password = created.body.generatedPassword!;
    const [right, wrong] = await Promise.all([
      scramMetadata({ username: user, password }),
      scramMetadata({ username: user, password: "wrong-password-123" }),
    ]);
    expect(right.ok, right.line).toBe(true);
    expect(wrong.error).toBe("SASL_AUTHENTICATION_FAILED");

    const list = await callRoute<{ users: ScramUser[] }>(listScram, "/api/clusters/local/scram-users", L);
    expect(list.body.users.find((x) => x.name === user)).toEqual({
      name: user,
      credentials: [{ mechanism: "SCRAM-SHA-512", iterations: 8192 }],
    });
    expect(JSON.stringify(list.body)).not.toContain(password);
    const audit = await prisma.auditEvent.findMany({ where: { target: user } });
    expect(audit.map((a) => a.action)).toContain("scram.create");
    expect(JSON.stringify(audit)).not.toContain(password);

    const again = await callRoute<Envelope>(
      createScram,
      "/api/clusters/local/scram-users",
      L,
      json("POST", { name: user, password: "another-password-123" }),
    );
    expect(again.status).toBe(409);
  });

  it("rotates: the old password stops working, the new one works", SLOW, async () => {
    const given = `rotated-${u}-password`;
    const rotated = await callRoute<ScramUpsertResponse>(
      rotateScram,
      `/api/clusters/local/scram-users/${user}/rotate`,
      { ...L, userName: user },
      json("POST", { password: given }),
    );
    expect(rotated.status).toBe(200);
    expect(rotated.body.generatedPassword).toBeUndefined();
    expect((await scramMetadata({ username: user, password })).ok).toBe(false);
    expect((await scramMetadata({ username: user, password: given })).ok).toBe(true);
    password = given;
    expect(JSON.stringify(await prisma.auditEvent.findMany({ where: { target: user } }))).not.toContain(given);
  });

  it("refuses bad input with 422", SLOW, async () => {
    const low = await callRoute<Envelope>(
      createScram,
      "/api/clusters/local/scram-users",
      L,
      json("POST", { name: "x", iterations: 10 }),
    );
    expect(low.status).toBe(422);
    const bad = await callRoute<Envelope>(
      createScram,
      "/api/clusters/local/scram-users",
      L,
      json("POST", { name: "a b" }),
    );
    expect(bad.status).toBe(422);
  });
});

describe("ACLs, enforced by the broker for a real SCRAM client", () => {
  const binding = (operation: string) => ({
    principal,
    host: "*",
    resourceType: "TOPIC",
    resourceName: topic,
    patternType: "LITERAL",
    operation,
    permission: "ALLOW",
  });

  it("denies before the ACL, grants after Sluice creates it, denies again after deletion", SLOW, async () => {
    const login = { username: user, password };
    const before = await scramProduce(login, topic, "denied");
    expect(before.ok).toBe(false);
    expect(before.error).toBe("TOPIC_AUTHORIZATION_FAILED");
    expect((await scramConsume(login, topic)).error).toBe("TOPIC_AUTHORIZATION_FAILED");

    const preview = await callRoute<AclCreateResponse>(
      createAcl,
      "/api/clusters/local/acls?dryRun=true",
      L,
      json("POST", binding("WRITE")),
    );
    expect(preview.body).toEqual({ binding: binding("WRITE"), created: true, dryRun: true });
    expect(
      (await callRoute<AclListResponse>(listAcls, `/api/clusters/local/acls?${qs({ principal })}`, L)).body.bindings,
    ).toEqual([]);

    for (const op of ["WRITE", "READ"]) {
      expect((await callRoute(createAcl, "/api/clusters/local/acls", L, json("POST", binding(op)))).status).toBe(201);
    }
    // A repeated create leaves one binding.
    const dup = await callRoute<AclCreateResponse>(
      createAcl,
      "/api/clusters/local/acls",
      L,
      json("POST", binding("WRITE")),
    );
    expect(dup.status).toBe(200);
    expect(dup.body.created).toBe(false);
    const listed = await callRoute<AclListResponse>(
      listAcls,
      `/api/clusters/local/acls?${qs({ principal, resourceType: "TOPIC", resourceName: topic })}`,
      L,
    );
    expect(listed.body.bindings.map((b) => b.operation).sort()).toEqual(["READ", "WRITE"]);
    expect(listed.body.sluicePrincipal).toBe("User:ANONYMOUS");

    // The broker applies the binding within moments.
    const produced = await scramProduce(login, topic, "granted");
    expect(produced.ok, produced.line).toBe(true);
    const consumed = await scramConsume(login, topic);
    expect(consumed.ok, consumed.line).toBe(true);
    expect(consumed.values).toEqual(["granted"]);

    // MATCH: every binding that applies to the topic (here the two literal ones).
    const match = await callRoute<AclListResponse>(
      listAcls,
      `/api/clusters/local/acls?${qs({ resourceType: "TOPIC", resourceName: topic, patternType: "MATCH" })}`,
      L,
    );
    expect(match.body.bindings.filter((b) => b.principal === principal)).toHaveLength(2);

    const dry = await callRoute<AclDeleteResponse>(
      deleteAcls,
      `/api/clusters/local/acls?${qs({ principal, dryRun: "true" })}`,
      L,
      json("DELETE"),
    );
    expect(dry.body).toMatchObject({ deleted: false, dryRun: true });
    expect(dry.body.bindings).toHaveLength(2);
    expect(
      (await callRoute<AclListResponse>(listAcls, `/api/clusters/local/acls?${qs({ principal })}`, L)).body.bindings,
    ).toHaveLength(2);

    const del = await callRoute<AclDeleteResponse>(
      deleteAcls,
      `/api/clusters/local/acls?${qs({ principal })}`,
      L,
      json("DELETE"),
    );
    expect(del.body).toMatchObject({ deleted: true, dryRun: false });
    expect(del.body.bindings).toHaveLength(2);
    const after = await scramProduce(login, topic, "revoked");
    expect(after.error).toBe("TOPIC_AUTHORIZATION_FAILED");
    expect((await scramConsume(login, topic)).error).toBe("TOPIC_AUTHORIZATION_FAILED");
    const audit = await prisma.auditEvent.findMany({
      where: { action: { in: ["acl.create", "acl.delete"] }, target: { contains: topic } },
    });
    expect(audit.length).toBeGreaterThanOrEqual(2);
  });

  it("refuses bindings that would lock Sluice out, and bad input", SLOW, async () => {
    for (const p of ["User:ANONYMOUS", "User:*"]) {
      const r = await callRoute<Envelope>(
        createAcl,
        "/api/clusters/local/acls",
        L,
        json("POST", { ...binding("ALL"), principal: p, permission: "DENY" }),
      );
      expect(r.status).toBe(422);
      expect(r.body.error.message).toMatch(/lock Sluice out/);
    }
    const bad = await callRoute<Envelope>(
      createAcl,
      "/api/clusters/local/acls",
      L,
      json("POST", { ...binding("READ"), principal: "orders-svc" }),
    );
    expect(bad.status).toBe(422);
    expect(bad.body.error.details?.[0].path).toBe("principal");
    const empty = await callRoute<Envelope>(deleteAcls, "/api/clusters/local/acls", L, json("DELETE"));
    expect(empty.status).toBe(422);
    const ro = await callRoute<Envelope>(
      createAcl,
      "/api/clusters/local-readonly/acls",
      { clusterId: "local-readonly" },
      json("POST", binding("READ")),
    );
    expect(ro.status).toBe(403);
  });
});

describe("client quotas", () => {
  it("sets, reads back and removes a user's and a user+client quota", SLOW, async () => {
    const entity = { user, clientId: "it-client" };
    const put = await callRoute<QuotaEntry>(
      putQuota,
      "/api/clusters/local/quotas",
      L,
      json("PUT", { entity, values: { producer_byte_rate: 1048576, consumer_byte_rate: 2097152 } }),
    );
    expect(put.status).toBe(200);
    expect(put.body.values).toEqual({ producer_byte_rate: 1048576, consumer_byte_rate: 2097152 });
    await callRoute(
      putQuota,
      "/api/clusters/local/quotas",
      L,
      json("PUT", { entity: { user }, values: { request_percentage: 50 } }),
    );
    const list = await callRoute<{ quotas: QuotaEntry[] }>(listQuotas, "/api/clusters/local/quotas", L);
    expect(list.body.quotas).toContainEqual({
      entity,
      values: { producer_byte_rate: 1048576, consumer_byte_rate: 2097152 },
    });
    expect(list.body.quotas).toContainEqual({ entity: { user }, values: { request_percentage: 50 } });
    await callRoute(
      putQuota,
      "/api/clusters/local/quotas",
      L,
      json("PUT", { entity, values: { producer_byte_rate: null, consumer_byte_rate: null } }),
    );
    await callRoute(
      putQuota,
      "/api/clusters/local/quotas",
      L,
      json("PUT", { entity: { user }, values: { request_percentage: null } }),
    );
    const after = await callRoute<{ quotas: QuotaEntry[] }>(listQuotas, "/api/clusters/local/quotas", L);
    expect(after.body.quotas.filter((q) => q.entity.user === user)).toEqual([]);
  });
});

describe("deleting a SCRAM user", () => {
  it("stops the user from authenticating", SLOW, async () => {
    const del = await callRoute<{ deleted: string[] }>(
      deleteScram,
      `/api/clusters/local/scram-users/${user}`,
      { ...L, userName: user },
      json("DELETE"),
    );
    expect(del.status).toBe(200);
    expect(del.body.deleted).toEqual(["SCRAM-SHA-512"]);
    expect((await scramMetadata({ username: user, password })).error).toBe("SASL_AUTHENTICATION_FAILED");
    const again = await callRoute<Envelope>(
      deleteScram,
      `/api/clusters/local/scram-users/${user}`,
      { ...L, userName: user },
      json("DELETE"),
    );
    expect(again.status).toBe(404);
  });
});
