import { beforeAll, describe, expect, it } from "vitest";
import { GET as listTopics, POST as createTopic } from "@/app/api/clusters/[clusterId]/topics/route";
import { DELETE as deleteTopic } from "@/app/api/clusters/[clusterId]/topics/[topicName]/route";
import { DELETE as revokeRoute } from "@/app/api/tokens/[tokenId]/route";
import { GET as listRoute, POST as createRoute } from "@/app/api/tokens/route";
import { GET as listUsers } from "@/app/api/users/route";
import type { Role } from "@/lib/auth/roles";
import type { ApiTokenDto } from "@/lib/schemas/tokens";
import { prisma } from "@/server/db/prisma";
import { testTeam, testUser, type TestUser } from "../../auth";
import { callRoute, type Envelope } from "../../call-route";

type Created = { id: string; token: string; info: ApiTokenDto };
const u = Date.now().toString(36);
const inDays = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString();
const json = (method: string, body: unknown, headers: Record<string, string> = {}) => ({
  method,
  body: JSON.stringify(body),
  headers: { "content-type": "application/json", ...headers },
});

/** As a signed-in admin (session cookie), or anyone given. */
const create = (body: unknown, cookie?: string) =>
  callRoute<Created & Envelope>(createRoute, "/api/tokens", {}, json("POST", body, cookie ? { cookie } : {}));
const revoke = (id: string, headers: Record<string, string> = {}) =>
  callRoute<ApiTokenDto & Envelope>(revokeRoute, `/api/tokens/${id}`, { tokenId: id }, { method: "DELETE", headers });
const list = (headers: Record<string, string> = {}) =>
  callRoute<{ tokens: ApiTokenDto[] } & Envelope>(listRoute, "/api/tokens", {}, { headers });

/** With the bearer token only: no cookie, no Origin. */
const bearer = (token: string, extra: Record<string, string> = {}) => ({
  anonymous: true,
  headers: { authorization: `Bearer ${token}`, ...extra },
});
const readTopics = (token: string) =>
  callRoute<Envelope>(listTopics, "/api/clusters/local/topics", { clusterId: "local" }, bearer(token));
const makeTopic = (token: string, name: string, dryRun = true, extra: Record<string, string> = {}) =>
  callRoute<Envelope>(
    createTopic,
    `/api/clusters/local/topics${dryRun ? "?dryRun=true" : ""}`,
    { clusterId: "local" },
    {
      ...json("POST", { name, partitions: 1, replicationFactor: 1 }),
      ...bearer(token, { "content-type": "application/json", ...extra }),
    },
  );

let owner: TestUser;
let pay = "";
beforeAll(async () => {
  pay = await testTeam("it-payments", ["it.pay."]);
  await testTeam("it-shipping", ["it.ship."]);
  // The user is admin everywhere, but their token carries only operator on "local".
  owner = await testUser("tok-owner@sluice.test", { "*": "admin" }, [pay]);
});

describe("API tokens", () => {
  it("a user's token works without cookie or Origin, with the token's roles only; every mutation is audited with its id", async () => {
    const made = await create({
      name: `ci-${u}`,
      userId: owner.id,
      roles: { local: "operator" },
      expiresAt: inDays(30),
    });
    expect(made.status).toBe(201);
    expect(made.body.token).toMatch(/^sluice_[A-Za-z0-9_-]{40,}$/);
    expect(made.body.info).toMatchObject({
      name: `ci-${u}`,
      status: "active",
      roles: { local: "operator" },
      user: { id: owner.id, email: owner.email },
    });
    const { id, token } = made.body;

    expect((await readTopics(token)).status).toBe(200);
    // A mutation with a foreign Origin: the same-origin check is for cookie sessions, not bearer tokens.
    expect((await makeTopic(token, `it.pay.tok${u}`, true, { origin: "https://elsewhere.example" })).status).toBe(200);
    // Operator only on the owner's team's names, nothing on other clusters, no user admin: the token's roles, not the user's.
    expect((await makeTopic(token, `it.ship.tok${u}`)).status).toBe(403);
    expect(
      (
        await callRoute(
          listTopics,
          "/api/clusters/local-readonly/topics",
          { clusterId: "local-readonly" },
          bearer(token),
        )
      ).status,
    ).toBe(403);
    expect((await callRoute(listUsers, "/api/users", {}, bearer(token))).status).toBe(403);

    // A real change on the broker, then its removal, both with the token.
    const topic = `it.pay.tokreal${u}`;
    expect((await makeTopic(token, topic, false)).status).toBe(201);
    expect(
      (
        await callRoute(
          deleteTopic,
          `/api/clusters/local/topics/${topic}`,
          { clusterId: "local", topicName: topic },
          { method: "DELETE", ...bearer(token) },
        )
      ).status,
    ).toBe(200);
    const rows = await prisma.auditEvent.findMany({ where: { target: topic } });
    expect(rows.map((r) => [r.action, r.result, r.actor, r.actorId, r.tokenId]).sort()).toEqual([
      ["topic.created", "success", `token:ci-${u}`, owner.id, id],
      ["topic.deleted", "success", `token:ci-${u}`, owner.id, id],
    ]);
    const refused = await prisma.auditEvent.findFirst({
      where: { target: `/api/clusters/local/topics`, tokenId: id, result: "denied" },
    });
    expect(refused?.actor).toBe(`token:ci-${u}`);

    // The secret is never listed nor audited; its first characters are.
    const listed = await list();
    expect(listed.status).toBe(200);
    expect(JSON.stringify(listed.body)).not.toContain(token);
    expect(listed.body.tokens.find((t) => t.id === id)).toMatchObject({
      prefix: token.slice(0, 12),
      lastUsedAt: expect.any(String),
    });
    expect(
      await prisma.auditEvent.count({
        where: {
          OR: [
            { after: { contains: token.slice(7) } },
            { before: { contains: token.slice(7) } },
            { error: { contains: token.slice(7) } },
          ],
        },
      }),
    ).toBe(0);
    const row = await prisma.apiToken.findUniqueOrThrow({ where: { id } });
    expect(row.hash).not.toContain(token.slice(7));
  });

  it("a service identity's viewer token reads but is refused a mutation (403, audited)", async () => {
    const { body } = await create({ name: `dashboards-${u}`, roles: { local: "viewer" }, expiresAt: inDays(1) });
    expect(body.info.user).toBeNull();
    expect((await readTopics(body.token)).status).toBe(200);
    const res = await makeTopic(body.token, `it.pay.view${u}`);
    expect(res.status).toBe(403);
    const refused = await prisma.auditEvent.findFirst({ where: { tokenId: body.id, result: "denied" } });
    expect(refused).toMatchObject({ actor: `token:dashboards-${u}`, action: "topics:create (POST)" });
  });

  it("expired, revoked and unknown tokens answer 401 with a sentence saying why, even next to a valid session cookie", async () => {
    const expiring = await create({ name: `old-${u}`, roles: { local: "viewer" }, expiresAt: inDays(1) });
    await prisma.apiToken.update({ where: { id: expiring.body.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const expired = await readTopics(expiring.body.token);
    expect(expired.status).toBe(401);
    expect(expired.body.error.message).toMatch(/expired/);
    expect((await list()).body.tokens.find((t) => t.id === expiring.body.id)?.status).toBe("expired");

    const revoking = await create({ name: `gone-${u}`, roles: { local: "admin" }, expiresAt: inDays(1) });
    expect((await readTopics(revoking.body.token)).status).toBe(200);
    const revoked = await revoke(revoking.body.id);
    expect(revoked.status).toBe(200);
    expect(revoked.body.status).toBe("revoked");
    const after = await makeTopic(revoking.body.token, `it.pay.gone${u}`);
    expect(after.status).toBe(401);
    expect(after.body.error.message).toMatch(/revoked/);
    expect(
      await prisma.auditEvent.count({ where: { action: "token.revoked", target: `gone-${u}`, result: "success" } }),
    ).toBe(1);

    const admin = await testUser("tok-admin@sluice.test", { "*": "admin" });
    const unknown = await callRoute<Envelope>(
      listTopics,
      "/api/clusters/local/topics",
      { clusterId: "local" },
      { headers: { authorization: "Bearer sluice_nope", cookie: admin.cookie } },
    );
    expect(unknown.status).toBe(401);
    const foreign = await readTopics("not-a-sluice-token");
    expect(foreign.status).toBe(401);
    expect(foreign.body.error.message).toMatch(/sluice_/);
  });

  it("a deactivated user's tokens stop working", async () => {
    const user = await testUser("tok-leaver@sluice.test", { local: "viewer" });
    const { body } = await create({
      name: `leaver-${u}`,
      userId: user.id,
      roles: { local: "viewer" },
      expiresAt: inDays(1),
    });
    expect((await readTopics(body.token)).status).toBe(200);
    await prisma.user.update({ where: { id: user.id }, data: { active: false } });
    expect((await readTopics(body.token)).status).toBe(401);
    await prisma.user.update({ where: { id: user.id }, data: { active: true } });
  });

  it("validates the body: future expiry within a year, known clusters, at least one role, a known user", async () => {
    const base = { name: `bad-${u}`, roles: { local: "viewer" }, expiresAt: inDays(1) };
    for (const [body, path] of [
      [{ ...base, expiresAt: inDays(-1) }, "expiresAt"],
      [{ ...base, expiresAt: inDays(400) }, "expiresAt"],
      [{ ...base, expiresAt: "soon" }, "expiresAt"],
      [{ ...base, roles: {} }, "roles"],
      [{ ...base, roles: { local: "root" } }, "roles.local"],
      [{ ...base, name: "has spaces" }, "name"],
      [{ ...base, userId: "no-such-user" }, "userId"],
    ] as const) {
      const res = await create(body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.body.error.details?.[0]?.path, JSON.stringify(body)).toBe(path);
    }
    expect((await create({ ...base, roles: { nowhere: "viewer" } })).status).toBe(422);
    const first = await create({ ...base, name: `dup-${u}` });
    expect(first.status).toBe(201);
    expect((await create({ ...base, name: `dup-${u}` })).status).toBe(409);
  });

  it("only global admins manage tokens, and only from a session (a token cannot mint or revoke tokens)", async () => {
    const body = { name: `nope-${u}`, roles: { local: "viewer" }, expiresAt: inDays(1) };
    for (const [label, roles] of [
      ["local", { local: "admin" }],
      ["all", { "*": "approver" }],
    ] as [string, Record<string, Role>][]) {
      const who = await testUser(`tok-not-admin-${label}@sluice.test`, roles);
      expect((await list({ cookie: who.cookie })).status).toBe(403);
      expect((await create(body, who.cookie)).status).toBe(403);
      expect((await revoke("no-such-token", { cookie: who.cookie })).status).toBe(403);
    }
    expect((await callRoute(listRoute, "/api/tokens", {}, { anonymous: true })).status).toBe(401);
    const adminToken = (await create({ name: `root-${u}`, roles: { "*": "admin" }, expiresAt: inDays(1) })).body;
    expect((await callRoute(listRoute, "/api/tokens", {}, bearer(adminToken.token))).status).toBe(403);
    expect(
      (
        await callRoute(
          createRoute,
          "/api/tokens",
          {},
          { ...json("POST", body), ...bearer(adminToken.token, { "content-type": "application/json" }) },
        )
      ).status,
    ).toBe(403);
    expect(
      (
        await callRoute(
          revokeRoute,
          `/api/tokens/${adminToken.id}`,
          { tokenId: adminToken.id },
          { method: "DELETE", ...bearer(adminToken.token) },
        )
      ).status,
    ).toBe(403);
    expect((await revoke("no-such-token")).status).toBe(404);
  });
});
