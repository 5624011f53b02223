import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  DELETE as deleteAclsRoute,
  GET as listAclsRoute,
  POST as createAclRoute,
} from "@/app/api/clusters/[clusterId]/acls/route";
import { POST as declareRoute, GET as principalsRoute } from "@/app/api/clusters/[clusterId]/principals/route";
import { GET as quotasRoute } from "@/app/api/clusters/[clusterId]/quotas/route";
import { POST as credentialRoute } from "@/app/api/clusters/[clusterId]/requests/[requestId]/credential/route";
import { POST as decisionRoute } from "@/app/api/clusters/[clusterId]/requests/[requestId]/decision/route";
import { POST as revokeRoute } from "@/app/api/clusters/[clusterId]/requests/[requestId]/revoke/route";
import { GET as getRequestRoute } from "@/app/api/clusters/[clusterId]/requests/[requestId]/route";
import { POST as driftRoute } from "@/app/api/clusters/[clusterId]/requests/drift/route";
import { GET as listRoute, POST as submitRoute } from "@/app/api/clusters/[clusterId]/requests/route";
import { DELETE as deleteScram } from "@/app/api/clusters/[clusterId]/scram-users/[userName]/route";
import { GET as browseRoute } from "@/app/api/clusters/[clusterId]/topics/[topicName]/messages/route";
import type { AclListResponse, QuotaEntry } from "@/lib/schemas/access";
import type { CollectedSecret, RequestPreview, ServicePrincipalDto, TopicRequestDto } from "@/lib/schemas/requests";
import { prisma } from "@/server/db/prisma";
import { testTeam, testUser, jsonAs, type TestUser } from "../../auth";
import { callRoute, type Envelope } from "../../call-route";
import { produce, testAdmin } from "../../kafka-admin";
import { scramConsume, scramConsumeAsGroup, scramProduce, type ScramLogin } from "../../scram-client";

// Team self-service for access, on a cluster whose record reads follow the grants (messages.readScope: owned).
// Every grant and refusal is proven by a real Java client authenticated with SCRAM on the broker's SASL listener.
const SLOW = { timeout: 240_000 };
const C = "local-scoped";
const u = Date.now().toString(36);
const shopTopic = `it.ac.shop.orders.${u}`;
const shopTopic2 = `it.ac.shop.payments.${u}`;
const anaUser = `it-ana-svc-${u}`;
const anaPrincipal = `User:${anaUser}`;
const shopPrincipal = `User:it-shop-svc-${u}`;
const anaGroup = `it.ac.ana.reader.${u}`;
const P = { clusterId: C };
const kafka = testAdmin();

let shop: string, ana: string;
let shopApprover: TestUser, shopMember: TestUser, anaRequester: TestUser, anaApprover: TestUser, admin: TestUser;
let login: ScramLogin;
let accessId = "";

const submit = (body: object, user: TestUser, dryRun = false) =>
  callRoute<TopicRequestDto & RequestPreview & Envelope>(
    submitRoute,
    `/api/clusters/${C}/requests${dryRun ? "?dryRun=true" : ""}`,
    P,
    jsonAs("POST", { justification: "the analytics pipeline reads order events", ...body }, user),
  );
const decide = (id: string, user: TestUser, decision: "approve" | "reject" = "approve") =>
  callRoute<TopicRequestDto & Envelope>(
    decisionRoute,
    `/api/clusters/${C}/requests/${id}/decision`,
    { ...P, requestId: id },
    jsonAs("POST", { decision, comment: decision === "reject" ? "no" : "" }, user),
  );
const getReq = (id: string, user: TestUser) =>
  callRoute<TopicRequestDto & Envelope>(
    getRequestRoute,
    `/api/clusters/${C}/requests/${id}`,
    { ...P, requestId: id },
    { headers: { cookie: user.cookie } },
  );
const browse = (topic: string, user: TestUser) =>
  callRoute<{ messages: { value: { text: string | null } }[] } & Envelope>(
    browseRoute,
    `/api/clusters/${C}/topics/${topic}/messages?limit=10&start=oldest&valueFormat=string`,
    { ...P, topicName: topic },
    { headers: { cookie: user.cookie } },
  );
const accessBody = (over: object = {}) => ({
  kind: "access",
  teamId: ana,
  principal: anaPrincipal,
  resource: { name: shopTopic, patternType: "LITERAL" },
  operations: ["READ"],
  group: { name: anaGroup, patternType: "LITERAL" },
  ...over,
});
const paths = (res: { body: Envelope }) => res.body.error.details?.map((d) => d.path);

beforeAll(async () => {
  await kafka.connect();
  await kafka.createTopics({ topics: [{ topic: shopTopic, numPartitions: 1 }] });
  await produce(shopTopic, 2);
  shop = await testTeam(`it-ac-checkout`, ["it.ac.shop."]);
  ana = await testTeam(`it-ac-analytics`, ["it.ac.ana."]);
  shopApprover = await testUser("ac-shop-approver@sluice.test", { [C]: "approver" }, [shop]);
  shopMember = await testUser("ac-shop-member@sluice.test", { [C]: "operator" }, [shop]);
  anaRequester = await testUser("ac-ana-requester@sluice.test", { [C]: "viewer" }, [ana]);
  anaApprover = await testUser("ac-ana-approver@sluice.test", { [C]: "approver" }, [ana]);
  admin = await testUser("ac-admin@sluice.test", { "*": "admin" });
  for (const [principal, teamId] of [
    [anaPrincipal, ana],
    [shopPrincipal, shop],
  ]) {
    const res = await callRoute<ServicePrincipalDto>(
      declareRoute,
      `/api/clusters/${C}/principals`,
      P,
      jsonAs("POST", { principal, teamId, description: "test service" }, admin),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  }
}, 60_000);

afterAll(async () => {
  await callRoute(deleteAclsRoute, `/api/clusters/${C}/acls?principal=${encodeURIComponent(anaPrincipal)}`, P, {
    method: "DELETE",
  });
  await callRoute(deleteAclsRoute, `/api/clusters/${C}/acls?principal=${encodeURIComponent(shopPrincipal)}`, P, {
    method: "DELETE",
  });
  await callRoute(
    deleteScram,
    `/api/clusters/${C}/scram-users/${anaUser}`,
    { ...P, userName: anaUser },
    { method: "DELETE" },
  );
  await kafka.deleteTopics({ topics: [shopTopic, shopTopic2] }).catch(() => {});
  await kafka.disconnect();
});

describe("service principals", () => {
  it("are declared by admins only, once per cluster, never as Sluice's own principal", async () => {
    const again = await callRoute<Envelope>(
      declareRoute,
      `/api/clusters/${C}/principals`,
      P,
      jsonAs("POST", { principal: anaPrincipal, teamId: shop }, admin),
    );
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain("already belongs to team");
    const self = await callRoute<Envelope>(
      declareRoute,
      `/api/clusters/${C}/principals`,
      P,
      jsonAs("POST", { principal: "User:ANONYMOUS", teamId: shop }, admin),
    );
    expect(self.status).toBe(422);
    const byApprover = await callRoute<Envelope>(
      declareRoute,
      `/api/clusters/${C}/principals`,
      P,
      jsonAs("POST", { principal: `User:x-${u}`, teamId: shop }, shopApprover),
    );
    expect(byApprover.status).toBe(403);
    const list = await callRoute<{ principals: ServicePrincipalDto[] }>(
      principalsRoute,
      `/api/clusters/${C}/principals`,
      P,
      { headers: { cookie: anaRequester.cookie } },
    );
    expect(list.body.principals.find((p) => p.principal === anaPrincipal)?.team.name).toBe("it-ac-analytics");
  });
});

describe("credential requests", () => {
  it(
    "the team's approver approves; the requester sees the password once; it authenticates on the broker",
    SLOW,
    async () => {
      const sub = await submit({ kind: "credential", teamId: ana, principal: anaPrincipal }, anaRequester);
      expect(sub.status, JSON.stringify(sub.body)).toBe(201);
      expect(sub.body.decidingTeam?.name).toBe("it-ac-analytics");
      const approved = await decide(sub.body.id, anaApprover);
      expect(approved.body.status, JSON.stringify(approved.body)).toBe("PROVISIONED");
      expect(approved.body.can.collectSecret).toBe(false); // the approver is not the requester
      const twice = await decide(sub.body.id, admin);
      expect(twice.status).toBe(409);

      const url = `/api/clusters/${C}/requests/${sub.body.id}/credential`;
      const other = await callRoute<Envelope>(
        credentialRoute,
        url,
        { ...P, requestId: sub.body.id },
        jsonAs("POST", {}, anaApprover),
      );
      expect(other.status).toBe(403);
      const first = await callRoute<CollectedSecret>(
        credentialRoute,
        url,
        { ...P, requestId: sub.body.id },
        jsonAs("POST", {}, anaRequester),
      );
      expect(first.status).toBe(200);
      expect(first.headers.get("cache-control")).toBe("no-store");
      expect(first.body).toMatchObject({ user: anaUser, mechanism: "SCRAM-SHA-512" });
      const second = await callRoute<Envelope>(
        credentialRoute,
        url,
        { ...P, requestId: sub.body.id },
        jsonAs("POST", {}, anaRequester),
      );
      expect(second.status).toBe(409);
      login = { username: anaUser, password: first.body.password };

      const stored = JSON.stringify([
        await prisma.topicRequest.findUnique({ where: { id: sub.body.id } }),
        await prisma.auditEvent.findMany({ where: { OR: [{ target: anaUser }, { target: sub.body.id }] } }),
      ]);
      expect(stored).not.toContain(first.body.password);
      // authenticated, but granted nothing yet: the broker refuses the topic
      const before = await scramConsume(login, shopTopic);
      expect(before.error, before.line).toBe("TOPIC_AUTHORIZATION_FAILED");
    },
  );

  it("refuses a credential for another team's principal", async () => {
    const res = await submit({ kind: "credential", teamId: ana, principal: shopPrincipal }, anaRequester);
    expect(res.status).toBe(422);
    expect(res.body.error.message).toContain('belongs to team "it-ac-checkout"');
  });
});

describe("cross-team access", () => {
  it("lists every policy violation before submit", async () => {
    const res = await submit(
      accessBody({
        principal: shopPrincipal,
        resource: { name: "it.ac", patternType: "PREFIXED" },
        group: { name: `it.ac.shop.g.${u}`, patternType: "LITERAL" },
      }),
      anaRequester,
    );
    expect(res.status).toBe(422);
    expect(paths(res)).toEqual(["principal", "resource.name", "group.name"]);
    const wildcard = await submit(accessBody({ principal: "User:*" }), anaRequester);
    expect(wildcard.status).toBe(422);
    const internal = await submit(
      accessBody({ resource: { name: "__consumer_offsets", patternType: "LITERAL" } }),
      anaRequester,
    );
    expect(internal.body.error.message).toContain("internal topics");
  });

  it(
    "the owner team's approver decides, not the requester's; then the broker lets the principal read",
    SLOW,
    async () => {
      const preview = await submit(accessBody(), anaRequester, true);
      expect(preview.body.violations).toEqual([]);
      expect(preview.body.plan.join("\n")).toContain('Decided by the approvers of team "it-ac-checkout"');
      const sub = await submit(accessBody(), anaRequester);
      expect(sub.status, JSON.stringify(sub.body)).toBe(201);
      accessId = sub.body.id;
      expect(sub.body.decidingTeam?.name).toBe("it-ac-checkout");
      expect(sub.body.spec).toMatchObject({
        bindings: [
          expect.objectContaining({ resourceType: "TOPIC", operation: "READ" }),
          expect.objectContaining({ resourceType: "GROUP", resourceName: anaGroup }),
        ],
      });
      const dup = await submit(accessBody(), anaRequester);
      expect(dup.status).toBe(409);

      const byOwnApprover = await decide(accessId, anaApprover);
      expect(byOwnApprover.status).toBe(403);
      expect(byOwnApprover.body.error.message).toContain('Approvers of team "it-ac-checkout"');
      // the owner's approver sees it in their queue although it is another team's request
      const queue = await callRoute<{ requests: TopicRequestDto[] }>(
        listRoute,
        `/api/clusters/${C}/requests?scope=queue`,
        P,
        { headers: { cookie: shopApprover.cookie } },
      );
      expect(queue.body.requests.map((r) => r.id)).toContain(accessId);
      // records are out of the analytics team's read scope (viewer and approver alike) until the grant exists; the
      // owner team's operator and any admin read them
      expect((await browse(shopTopic, anaRequester)).status).toBe(403);
      expect((await browse(shopTopic, anaApprover)).status).toBe(403);
      expect((await browse(shopTopic, shopMember)).status).toBe(200);
      expect((await browse(shopTopic, admin)).status).toBe(200);

      const approved = await decide(accessId, shopApprover);
      expect(approved.body.status, JSON.stringify(approved.body)).toBe("PROVISIONED");
      const [read, asGroup, write] = await Promise.all([
        scramConsume(login, shopTopic),
        scramConsumeAsGroup(login, shopTopic, anaGroup),
        scramProduce(login, shopTopic, "nope"),
      ]);
      expect(read.ok, read.line).toBe(true);
      expect(read.values).toEqual(["v0", "v1"]);
      expect(asGroup.ok, asGroup.line).toBe(true);
      expect(write.error, write.line).toBe("TOPIC_AUTHORIZATION_FAILED");
      const records = await browse(shopTopic, anaRequester);
      expect(records.status).toBe(200);
      expect((await browse(shopTopic, anaApprover)).status).toBe(200);
      expect(records.body.messages.map((r) => r.value.text)).toEqual(expect.arrayContaining(["v0", "v1"]));
    },
  );

  it("finds drift in the provisioned bindings: one deleted outside Sluice, one DENY added", SLOW, async () => {
    const q = (o: Record<string, string>) => new URLSearchParams(o).toString();
    const del = await callRoute(
      deleteAclsRoute,
      `/api/clusters/${C}/acls?${q({ principal: anaPrincipal, resourceType: "GROUP" })}`,
      P,
      { method: "DELETE" },
    );
    expect(del.status).toBe(200);
    const deny = {
      principal: anaPrincipal,
      host: "*",
      resourceType: "TOPIC",
      resourceName: shopTopic,
      patternType: "LITERAL",
      operation: "WRITE",
      permission: "DENY",
    };
    expect((await callRoute(createAclRoute, `/api/clusters/${C}/acls`, P, jsonAs("POST", deny, admin))).status).toBe(
      201,
    );
    await callRoute(driftRoute, `/api/clusters/${C}/requests/drift`, P, jsonAs("POST", {}, admin));
    const r = await getReq(accessId, anaRequester);
    expect(r.body.drift?.map((d) => d.kind).sort()).toEqual(["acl-extra", "acl-missing"]);
    // the request's life and the drift are events alert rules can notify about
    const events = await prisma.observationEvent.findMany({
      where: { clusterId: C, subject: accessId },
      orderBy: { at: "asc" },
    });
    expect(events.map((e) => e.kind)).toEqual([
      "request.submitted",
      "request.decided",
      "request.provisioned",
      "drift.found",
    ]);
    // restored: the drift clears
    await callRoute(
      deleteAclsRoute,
      `/api/clusters/${C}/acls?${q({ principal: anaPrincipal, permission: "DENY" })}`,
      P,
      { method: "DELETE" },
    );
    await callRoute(
      createAclRoute,
      `/api/clusters/${C}/acls`,
      P,
      jsonAs(
        "POST",
        { ...deny, resourceType: "GROUP", resourceName: anaGroup, operation: "READ", permission: "ALLOW" },
        admin,
      ),
    );
    await callRoute(driftRoute, `/api/clusters/${C}/requests/drift`, P, jsonAs("POST", {}, admin));
    expect((await getReq(accessId, anaRequester)).body.drift).toBeNull();
  });

  it("revocation by the owner's approver removes exactly its bindings; the broker refuses again", SLOW, async () => {
    const url = `/api/clusters/${C}/requests/${accessId}/revoke`;
    const notOwner = await callRoute<Envelope>(
      revokeRoute,
      url,
      { ...P, requestId: accessId },
      jsonAs("POST", { comment: "no longer needed" }, anaApprover),
    );
    expect(notOwner.status).toBe(403);
    const revoked = await callRoute<TopicRequestDto>(
      revokeRoute,
      url,
      { ...P, requestId: accessId },
      jsonAs("POST", { comment: "the pipeline moved" }, shopApprover),
    );
    expect(revoked.status, JSON.stringify(revoked.body)).toBe(201);
    expect(revoked.body).toMatchObject({ kind: "revoke", status: "PROVISIONED", revokesId: accessId });
    expect((await getReq(accessId, anaRequester)).body.revokedAt).not.toBeNull();
    const again = await callRoute<Envelope>(
      revokeRoute,
      url,
      { ...P, requestId: accessId },
      jsonAs("POST", { comment: "again please" }, shopApprover),
    );
    expect(again.status).toBe(409);
    const left = await callRoute<AclListResponse>(
      listAclsRoute,
      `/api/clusters/${C}/acls?principal=${encodeURIComponent(anaPrincipal)}`,
      P,
    );
    expect(left.body.bindings).toEqual([]);
    const after = await scramConsume(login, shopTopic);
    expect(after.error, after.line).toBe("TOPIC_AUTHORIZATION_FAILED");
    expect((await browse(shopTopic, anaRequester)).status).toBe(403);
    const audit = await prisma.auditEvent.findMany({
      where: { clusterId: C, action: "messages.read", result: "denied", actorId: anaRequester.id },
    });
    expect(audit.length).toBeGreaterThanOrEqual(2);
  });
});

describe("quota requests and topics with access", () => {
  it("a quota is decided by the cluster's admins and set on the broker", async () => {
    const sub = await submit(
      { kind: "quota", teamId: ana, principal: anaPrincipal, values: { consumer_byte_rate: 2_097_152 } },
      anaRequester,
    );
    expect(sub.status, JSON.stringify(sub.body)).toBe(201);
    expect(sub.body.decidingTeam).toBeNull();
    expect((await decide(sub.body.id, anaApprover)).status).toBe(403);
    const approved = await decide(sub.body.id, admin);
    expect(approved.body.status, JSON.stringify(approved.body)).toBe("PROVISIONED");
    const quotas = await callRoute<{ quotas: QuotaEntry[] }>(quotasRoute, `/api/clusters/${C}/quotas`, P);
    expect(quotas.body.quotas.find((q) => q.entity.user === anaUser)?.values.consumer_byte_rate).toBe(2_097_152);
  });

  it("one request creates a topic and the access its services need", SLOW, async () => {
    const body = {
      kind: "create",
      teamId: shop,
      topicName: shopTopic2,
      partitions: 1,
      replicationFactor: 1,
      configs: {},
      access: [{ principal: shopPrincipal, operations: ["WRITE"] }],
    };
    const foreign = await submit({ ...body, access: [{ principal: anaPrincipal, operations: ["READ"] }] }, shopMember);
    expect(foreign.status).toBe(422);
    expect(paths(foreign)).toContain("access.0.principal");
    const sub = await submit(body, shopMember);
    expect(sub.status, JSON.stringify(sub.body)).toBe(201);
    expect((await decide(sub.body.id, shopApprover)).body.status).toBe("PROVISIONED");
    const acls = await callRoute<AclListResponse>(
      listAclsRoute,
      `/api/clusters/${C}/acls?principal=${encodeURIComponent(shopPrincipal)}`,
      P,
    );
    expect(acls.body.bindings).toEqual([
      expect.objectContaining({
        resourceType: "TOPIC",
        resourceName: shopTopic2,
        operation: "WRITE",
        permission: "ALLOW",
      }),
    ]);
  });
});
