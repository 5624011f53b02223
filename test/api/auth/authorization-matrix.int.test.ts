import { beforeAll, describe, expect, it } from "vitest";
import { DELETE as deleteAcls, GET as listAcls, POST as createAcl } from "@/app/api/clusters/[clusterId]/acls/route";
import { GET as listQuotas, PUT as putQuota } from "@/app/api/clusters/[clusterId]/quotas/route";
import { POST as rotateScram } from "@/app/api/clusters/[clusterId]/scram-users/[userName]/rotate/route";
import { DELETE as deleteScram } from "@/app/api/clusters/[clusterId]/scram-users/[userName]/route";
import { GET as listScram, POST as createScram } from "@/app/api/clusters/[clusterId]/scram-users/route";
import { PATCH as patchBrokerDefaults } from "@/app/api/clusters/[clusterId]/broker-defaults/route";
import { PATCH as patchBrokerConfigs } from "@/app/api/clusters/[clusterId]/brokers/[brokerId]/configs/route";
import { DELETE as deleteGroupOffsets } from "@/app/api/clusters/[clusterId]/consumer-groups/[groupId]/offsets/route";
import { POST as resetOffsets } from "@/app/api/clusters/[clusterId]/consumer-groups/[groupId]/offsets/reset/route";
import { DELETE as deleteGroup } from "@/app/api/clusters/[clusterId]/consumer-groups/[groupId]/route";
import { GET as getPolicy, PUT as putPolicy } from "@/app/api/clusters/[clusterId]/policy/route";
import { DELETE as removePrincipal } from "@/app/api/clusters/[clusterId]/principals/[principalId]/route";
import { POST as declarePrincipal } from "@/app/api/clusters/[clusterId]/principals/route";
import { POST as cancelRequest } from "@/app/api/clusters/[clusterId]/requests/[requestId]/cancel/route";
import { POST as collectCredential } from "@/app/api/clusters/[clusterId]/requests/[requestId]/credential/route";
import { POST as revokeRequest } from "@/app/api/clusters/[clusterId]/requests/[requestId]/revoke/route";
import { POST as decideRequest } from "@/app/api/clusters/[clusterId]/requests/[requestId]/decision/route";
import { POST as retryRequest } from "@/app/api/clusters/[clusterId]/requests/[requestId]/retry/route";
import { POST as submitRequest } from "@/app/api/clusters/[clusterId]/requests/route";
import { GET as getGlobalCompat, PUT as putGlobalCompat } from "@/app/api/clusters/[clusterId]/schemas/config/route";
import { GET as getMode, PUT as putMode } from "@/app/api/clusters/[clusterId]/schemas/mode/route";
import { PUT as putSubjectCompat } from "@/app/api/clusters/[clusterId]/schemas/subjects/[subject]/config/route";
import { DELETE as deleteSubject } from "@/app/api/clusters/[clusterId]/schemas/subjects/[subject]/route";
import { DELETE as deleteVersion } from "@/app/api/clusters/[clusterId]/schemas/subjects/[subject]/versions/[version]/route";
import { POST as registerSchema } from "@/app/api/clusters/[clusterId]/schemas/subjects/[subject]/versions/route";
import { PATCH as alterConfigs } from "@/app/api/clusters/[clusterId]/topics/[topicName]/configs/route";
import {
  DELETE as clearDecoders,
  PUT as putDecoders,
} from "@/app/api/clusters/[clusterId]/topics/[topicName]/decoders/route";
import { POST as produce } from "@/app/api/clusters/[clusterId]/topics/[topicName]/messages/route";
import { POST as importRecords } from "@/app/api/clusters/[clusterId]/topics/[topicName]/import/route";
import { POST as replay } from "@/app/api/clusters/[clusterId]/topics/[topicName]/replay/route";
import { POST as redrive } from "@/app/api/clusters/[clusterId]/topics/[topicName]/redrive/route";
import { POST as cancelReplay } from "@/app/api/clusters/[clusterId]/replays/[jobId]/cancel/route";
import { POST as resumeReplay } from "@/app/api/clusters/[clusterId]/replays/[jobId]/resume/route";
import { POST as addPartitions } from "@/app/api/clusters/[clusterId]/topics/[topicName]/partitions/route";
import { POST as purge } from "@/app/api/clusters/[clusterId]/topics/[topicName]/purge/route";
import { POST as electLeaders } from "@/app/api/clusters/[clusterId]/leaders/elect/route";
import { POST as previewReassignment } from "@/app/api/clusters/[clusterId]/topics/[topicName]/reassignment/preview/route";
import {
  DELETE as cancelReassignment,
  POST as startReassignment,
} from "@/app/api/clusters/[clusterId]/topics/[topicName]/reassignment/route";
import { DELETE as deleteTopic } from "@/app/api/clusters/[clusterId]/topics/[topicName]/route";
import { POST as createTopic } from "@/app/api/clusters/[clusterId]/topics/route";
import { POST as createConnector } from "@/app/api/clusters/[clusterId]/connect/[connectId]/connectors/route";
import {
  DELETE as resetConnectorOffsets,
  PATCH as alterConnectorOffsets,
} from "@/app/api/clusters/[clusterId]/connect/[connectId]/connectors/[name]/offsets/route";
import { POST as pauseConnector } from "@/app/api/clusters/[clusterId]/connect/[connectId]/connectors/[name]/pause/route";
import { POST as restartConnector } from "@/app/api/clusters/[clusterId]/connect/[connectId]/connectors/[name]/restart/route";
import { POST as resumeConnector } from "@/app/api/clusters/[clusterId]/connect/[connectId]/connectors/[name]/resume/route";
import {
  DELETE as deleteConnector,
  PUT as putConnectorConfig,
} from "@/app/api/clusters/[clusterId]/connect/[connectId]/connectors/[name]/route";
import { POST as stopConnector } from "@/app/api/clusters/[clusterId]/connect/[connectId]/connectors/[name]/stop/route";
import { POST as restartConnectorTask } from "@/app/api/clusters/[clusterId]/connect/[connectId]/connectors/[name]/tasks/[taskId]/restart/route";
import { POST as markNotificationsRead } from "@/app/api/me/notifications/read/route";
import { PUT as putPreferences } from "@/app/api/me/preferences/route";
import { GET as getMe } from "@/app/api/me/route";
import { DELETE as deleteTeamRoute, PUT as putTeam } from "@/app/api/teams/[teamId]/route";
import { POST as createTeam } from "@/app/api/teams/route";
import { PATCH as patchUser } from "@/app/api/users/[userId]/route";
import { POST as createUser } from "@/app/api/users/route";
import { DELETE as revokeToken } from "@/app/api/tokens/[tokenId]/route";
import { GET as listTokens, POST as createToken } from "@/app/api/tokens/route";
import {
  DELETE as deleteAlertRule,
  PUT as putAlertRule,
} from "@/app/api/clusters/[clusterId]/alerts/rules/[ruleId]/route";
import { POST as createAlertRule } from "@/app/api/clusters/[clusterId]/alerts/rules/route";
import { DELETE as deleteSilence } from "@/app/api/clusters/[clusterId]/alerts/silences/[silenceId]/route";
import { POST as createSilence } from "@/app/api/clusters/[clusterId]/alerts/silences/route";
import { prisma } from "@/server/db/prisma";
import { testTeam, testUser, type TestUser } from "../../auth";
import { callRoute } from "../../call-route";

type Handler = Parameters<typeof callRoute>[0];
/** One mutating route called on a name that team "pay" owns (own) or team "ship" owns (other). */
type Case = { name: string; call: (as: TestUser | null, owner: "own" | "other") => Promise<number> };

const u = Date.now().toString(36);
const names = { own: `it.pay.mx${u}`, other: `it.ship.mx${u}` };
let pay = "";
let ship = "";

function send(
  handler: Handler,
  method: string,
  url: string,
  params: Record<string, string>,
  as: TestUser | null,
  body?: unknown,
) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (as) headers.cookie = as.cookie;
  return callRoute(handler, url, params, {
    method,
    headers,
    anonymous: !as,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  }).then((r) => r.status);
}
const L = { clusterId: "local" };
/** Cases on the routes below `at(name)` (the URL before the case's `path`, and the route's params). */
const casesOn =
  (at: (name: string) => { url: string; params: Record<string, string> }) =>
  (
    name: string,
    handler: Handler,
    method: string,
    path: string,
    body?: unknown,
    extra: Record<string, string> = {},
  ): Case => ({
    name,
    call: (as, o) => {
      const { url, params } = at(names[o]);
      return send(handler, method, `${url}${path}`, { ...L, ...params, ...extra }, as, body);
    },
  });
const topicCase = casesOn((n) => ({ url: `/api/clusters/local/topics/${n}`, params: { topicName: n } }));
const groupCase = casesOn((n) => ({ url: `/api/clusters/local/consumer-groups/${n}`, params: { groupId: n } }));
const subjectCase = casesOn((n) => ({
  url: `/api/clusters/local/schemas/subjects/${n}-value`,
  params: { subject: `${n}-value` },
}));
const connectorCase = casesOn((n) => ({
  url: `/api/clusters/local/connect/local/connectors/${n}`,
  params: { connectId: "local", name: n },
}));
const FILE_SOURCE = "org.apache.kafka.connect.file.FileStreamSourceConnector";

/** Routes scoped to team-owned names: operators and approvers only inside their prefixes, admins anywhere. */
const scoped: Case[] = [
  {
    name: "create topic (dry run)",
    call: (as, o) =>
      send(createTopic, "POST", "/api/clusters/local/topics?dryRun=true", L, as, {
        name: names[o],
        partitions: 1,
        replicationFactor: 1,
      }),
  },
  topicCase("alter topic configs", alterConfigs, "PATCH", "/configs", { set: { "retention.ms": "3600000" } }),
  topicCase("set topic decoders", putDecoders, "PUT", "/decoders", { value: { kind: "int" } }),
  topicCase("clear topic decoders", clearDecoders, "DELETE", "/decoders"),
  topicCase("add partitions", addPartitions, "POST", "/partitions", { count: 2 }),
  topicCase("purge topic", purge, "POST", "/purge", { all: true }),
  topicCase("delete topic", deleteTopic, "DELETE", ""),
  topicCase("produce", produce, "POST", "/messages", { value: { format: "string", data: "x" } }),
  topicCase("import JSON Lines (dry run)", importRecords, "POST", "/import?dryRun=true", {
    jsonl: '{"key":{"encoding":"null","text":null},"value":{"encoding":"string","text":"x"}}',
  }),
  groupCase("delete group", deleteGroup, "DELETE", ""),
  {
    name: "delete group offsets",
    call: (as, o) =>
      send(
        deleteGroupOffsets,
        "DELETE",
        `/api/clusters/local/consumer-groups/${names[o]}/offsets?topic=${names[o]}`,
        { ...L, groupId: names[o] },
        as,
      ),
  },
  groupCase("reset offsets (dry run)", resetOffsets, "POST", "/offsets/reset?dryRun=true", {
    topics: [{ topic: "x" }],
    to: { type: "earliest" },
  }),
  subjectCase("register schema", registerSchema, "POST", "/versions", { schemaType: "AVRO", schema: "{ not avro" }),
  subjectCase("delete subject", deleteSubject, "DELETE", ""),
  subjectCase("set subject compatibility", putSubjectCompat, "PUT", "/config", { compatibility: "BACKWARD" }),
  subjectCase("delete schema version", deleteVersion, "DELETE", "/versions/1", undefined, { version: "1" }),
  // Kafka Connect (the connector name is the scope; an invalid config, so nothing is created).
  {
    name: "create connector (invalid config)",
    call: (as, o) =>
      send(createConnector, "POST", "/api/clusters/local/connect/local/connectors", { ...L, connectId: "local" }, as, {
        name: names[o],
        config: { "connector.class": FILE_SOURCE, "tasks.max": "x", topic: names[o] },
      }),
  },
  connectorCase("edit connector config", putConnectorConfig, "PUT", "", {
    config: { "connector.class": FILE_SOURCE, topic: names.own },
  }),
  connectorCase("delete connector", deleteConnector, "DELETE", ""),
  connectorCase("pause connector", pauseConnector, "POST", "/pause"),
  connectorCase("resume connector", resumeConnector, "POST", "/resume"),
  connectorCase("stop connector", stopConnector, "POST", "/stop"),
  connectorCase("restart connector", restartConnector, "POST", "/restart?includeTasks=true&onlyFailed=true"),
  connectorCase("restart connector task", restartConnectorTask, "POST", "/tasks/0/restart", undefined, { taskId: "0" }),
  connectorCase("alter connector offsets", alterConnectorOffsets, "PATCH", "/offsets", {
    offsets: [{ partition: { filename: "/x" }, offset: { position: 0 } }],
  }),
  connectorCase("reset connector offsets", resetConnectorOffsets, "DELETE", "/offsets"),
];

let users: Record<"viewer" | "operator" | "approverOther" | "admin", TestUser>;
const allowed = (status: number) => status !== 401 && status !== 403;

beforeAll(async () => {
  pay = await testTeam("it-payments", ["it.pay."]);
  ship = await testTeam("it-shipping", ["it.ship."]);
  users = {
    viewer: await testUser("mx-viewer@sluice.test", { local: "viewer" }, [pay]),
    operator: await testUser("mx-operator@sluice.test", { local: "operator" }, [pay]),
    approverOther: await testUser("mx-approver@sluice.test", { local: "approver" }, [ship]),
    admin: await testUser("mx-admin@sluice.test", { "*": "admin" }),
  };
});

describe("authorization matrix: every mutating route, every role", () => {
  it.each(scoped.map((c) => [c.name, c] as const))("%s", async (_name, c) => {
    expect(await c.call(null, "own")).toBe(401);
    expect(await c.call(users.viewer, "own")).toBe(403);
    expect(allowed(await c.call(users.operator, "own"))).toBe(true);
    expect(await c.call(users.operator, "other")).toBe(403);
    expect(await c.call(users.approverOther, "own")).toBe(403);
    expect(allowed(await c.call(users.admin, "other"))).toBe(true);
  });

  it("connectors: an operator's connector may name only their teams' topics; a topic regex is for admins", async () => {
    const create = (as: TestUser, config: Record<string, string>) =>
      send(createConnector, "POST", "/api/clusters/local/connect/local/connectors", { ...L, connectId: "local" }, as, {
        name: names.own,
        config: { "connector.class": FILE_SOURCE, "tasks.max": "x", ...config },
      });
    expect(await create(users.operator, { topic: names.other })).toBe(403);
    expect(await create(users.operator, { topics: `${names.own},${names.other}` })).toBe(403);
    expect(await create(users.operator, { "topics.regex": "it\\.pay\\..*" })).toBe(403);
    expect(allowed(await create(users.operator, { topic: names.own }))).toBe(true);
    expect(allowed(await create(users.admin, { topic: names.other }))).toBe(true);
    const edit = (as: TestUser) =>
      send(
        putConnectorConfig,
        "PUT",
        `/api/clusters/local-readonly/connect/local/connectors/${names.own}`,
        { clusterId: "local-readonly", connectId: "local", name: names.own },
        as,
        { config: { "connector.class": FILE_SOURCE } },
      );
    expect(await edit(users.admin)).toBe(403);
  });

  it("replay: read on the source, produce on the destination (its team prefix); redrive needs the produce role", async () => {
    const source = `it.any.mx${u}-missing`;
    const P = { ...L, topicName: source };
    const copy = (as: TestUser | null, o: "own" | "other", dryRun: boolean) =>
      send(replay, "POST", `/api/clusters/local/topics/${source}/replay${dryRun ? "?dryRun=true" : ""}`, P, as, {
        destination: { clusterId: "local", topic: names[o] },
      });
    for (const dryRun of [true, false]) {
      expect(await copy(null, "own", dryRun)).toBe(401);
      expect(await copy(users.viewer, "own", dryRun)).toBe(403);
      expect(allowed(await copy(users.operator, "own", dryRun))).toBe(true);
      expect(await copy(users.operator, "other", dryRun)).toBe(403);
      expect(await copy(users.approverOther, "own", dryRun)).toBe(403);
      expect(allowed(await copy(users.admin, "other", dryRun))).toBe(true);
      const back = (as: TestUser | null) =>
        send(redrive, "POST", `/api/clusters/local/topics/${source}/redrive${dryRun ? "?dryRun=true" : ""}`, P, as, {
          preset: "connect",
        });
      expect(await back(null)).toBe(401);
      expect(await back(users.viewer)).toBe(403);
      expect(allowed(await back(users.operator))).toBe(true);
      expect(allowed(await back(users.admin))).toBe(true);
    }
    // Jobs: only their creator (or the cluster's admins) sees, cancels or resumes one; others get 404.
    for (const [handler, verb] of [
      [cancelReplay, "cancel"],
      [resumeReplay, "resume"],
    ] as const) {
      const act = (as: TestUser | null) =>
        send(handler, "POST", `/api/clusters/local/replays/no-such-job/${verb}`, { ...L, jobId: "no-such-job" }, as);
      expect(await act(null)).toBe(401);
      for (const role of ["viewer", "operator", "approverOther", "admin"] as const) {
        expect(await act(users[role])).toBe(404);
      }
    }
  });

  it("cluster-wide registry settings and the request policy: admins only", async () => {
    const compat = (
      await callRoute<{ compatibility: string }>(getGlobalCompat, "/api/clusters/local/schemas/config", L)
    ).body;
    const mode = (await callRoute<{ mode: string | null }>(getMode, "/api/clusters/local/schemas/mode", L)).body;
    const policy = (await callRoute<Record<string, unknown>>(getPolicy, "/api/clusters/local/policy", L)).body;
    const { updatedAt: _a, updatedBy: _b, ...policyBody } = policy;
    const cases: [Handler, string, unknown][] = [
      [putGlobalCompat, "/api/clusters/local/schemas/config", { compatibility: compat.compatibility ?? "BACKWARD" }],
      ...(mode.mode
        ? ([[putMode, "/api/clusters/local/schemas/mode", { mode: mode.mode }]] as [Handler, string, unknown][])
        : []),
      [putPolicy, "/api/clusters/local/policy", policyBody],
    ];
    for (const [handler, url, body] of cases) {
      expect(await send(handler, "PUT", url, L, null, body)).toBe(401);
      for (const role of ["viewer", "operator", "approverOther"] as const) {
        expect(await send(handler, "PUT", url, L, users[role], body), `${url} as ${role}`).toBe(403);
      }
      expect(await send(handler, "PUT", url, L, users.admin, body), `${url} as admin`).toBe(200);
    }
  });

  it("replica placement (reassignment preview, start, cancel; leader election): admins only, even on their own team's topics", async () => {
    const plan = { plan: { mode: "manual", partitions: [{ partition: 0, replicas: [1] }] } };
    const calls: ((as: TestUser | null) => Promise<number>)[] = [
      (as) =>
        send(
          previewReassignment,
          "POST",
          `/api/clusters/local/topics/${names.own}/reassignment/preview`,
          { ...L, topicName: names.own },
          as,
          plan,
        ),
      (as) =>
        send(
          startReassignment,
          "POST",
          `/api/clusters/local/topics/${names.own}/reassignment`,
          { ...L, topicName: names.own },
          as,
          plan,
        ),
      (as) =>
        send(
          cancelReassignment,
          "DELETE",
          `/api/clusters/local/topics/${names.own}/reassignment`,
          { ...L, topicName: names.own },
          as,
        ),
      (as) => send(electLeaders, "POST", "/api/clusters/local/leaders/elect", L, as, { topic: names.own }),
    ];
    for (const call of calls) {
      expect(await call(null)).toBe(401);
      for (const role of ["viewer", "operator", "approverOther"] as const) {
        expect(await call(users[role]), role).toBe(403);
      }
      expect(allowed(await call(users.admin))).toBe(true);
    }
  });

  it("broker dynamic configs, per broker and cluster-wide: admins only, refused on a read-only cluster", async () => {
    const body = { set: { "log.cleaner.backoff.ms": "15000" } };
    const cases: [Handler, string, Record<string, string>][] = [
      [patchBrokerConfigs, "/api/clusters/local/brokers/1/configs?dryRun=true", { ...L, brokerId: "1" }],
      [patchBrokerDefaults, "/api/clusters/local/broker-defaults?dryRun=true", L],
    ];
    for (const [handler, url, params] of cases) {
      expect(await send(handler, "PATCH", url, params, null, body)).toBe(401);
      for (const role of ["viewer", "operator", "approverOther"] as const) {
        expect(await send(handler, "PATCH", url, params, users[role], body), `${url} as ${role}`).toBe(403);
      }
      expect(await send(handler, "PATCH", url, params, users.admin, body), `${url} as admin`).toBe(200);
      const readOnly = url.replace("/local/", "/local-readonly/");
      expect(
        await send(handler, "PATCH", readOnly, { ...params, clusterId: "local-readonly" }, users.admin, body),
        `${readOnly} as admin`,
      ).toBe(403);
    }
  });

  it("topic requests: members submit for their team only; deciding needs approver", async () => {
    const body = (teamId: string) => ({
      kind: "create",
      topicName: names.own,
      teamId,
      partitions: 1,
      replicationFactor: 1,
      configs: { "retention.ms": "86400000" },
      justification: "authorization matrix check",
    });
    const submit = (as: TestUser | null) =>
      send(submitRequest, "POST", "/api/clusters/local/requests?dryRun=true", L, as, body(pay));
    expect(await submit(null)).toBe(401);
    expect(await submit(users.viewer)).toBe(200);
    expect(await submit(users.approverOther)).toBe(403);
    const missing = { ...L, requestId: "no-such-request" };
    for (const [handler, path] of [
      [decideRequest, "decision"],
      [retryRequest, "retry"],
    ] as const) {
      const decide = (as: TestUser | null) =>
        send(handler, "POST", `/api/clusters/local/requests/no-such-request/${path}`, missing, as, {
          decision: "approve",
          comment: "",
        });
      expect(await decide(null)).toBe(401);
      expect(await decide(users.viewer)).toBe(403);
      expect(await decide(users.operator)).toBe(403);
      expect(await decide(users.approverOther)).toBe(404);
    }
    expect(
      await send(cancelRequest, "POST", "/api/clusters/local/requests/no-such-request/cancel", missing, users.viewer),
    ).toBe(404);
    // revoking an access needs approver; revealing a credential is the requester's (any role, checked on the request)
    const revoke = (as: TestUser | null) =>
      send(revokeRequest, "POST", "/api/clusters/local/requests/no-such-request/revoke", missing, as, {
        comment: "matrix check",
      });
    expect(await revoke(null)).toBe(401);
    expect(await revoke(users.viewer)).toBe(403);
    expect(await revoke(users.operator)).toBe(403);
    expect(await revoke(users.approverOther)).toBe(404);
    expect(
      await send(collectCredential, "POST", "/api/clusters/local/requests/no-such-request/credential", missing, null),
    ).toBe(401);
    expect(
      await send(
        collectCredential,
        "POST",
        "/api/clusters/local/requests/no-such-request/credential",
        missing,
        users.viewer,
      ),
    ).toBe(404);
    expect(
      await send(
        collectCredential,
        "POST",
        "/api/clusters/local-readonly/requests/no-such-request/credential",
        { ...missing, clusterId: "local-readonly" },
        users.admin,
      ),
    ).toBe(403);
  });

  it("users and teams: admins on every cluster only", async () => {
    const calls: ((as: TestUser | null) => Promise<number>)[] = [
      (as) =>
        send(createUser, "POST", "/api/users", {}, as, {
          email: "mx-existing@sluice.test",
          name: "x",
          password: "long enough password",
          roles: {},
        }),
      (as) => send(patchUser, "PATCH", "/api/users/no-such-user", { userId: "no-such-user" }, as, { name: "x" }),
      (as) => send(createTeam, "POST", "/api/teams", {}, as, { name: "it-payments", prefixes: ["it.pay."] }),
      (as) =>
        send(putTeam, "PUT", "/api/teams/no-such-team", { teamId: "no-such-team" }, as, {
          name: "x",
          prefixes: ["x."],
        }),
      (as) => send(deleteTeamRoute, "DELETE", "/api/teams/no-such-team", { teamId: "no-such-team" }, as),
    ];
    await testUser("mx-existing@sluice.test", {});
    for (const call of calls) {
      expect(await call(null)).toBe(401);
      for (const role of ["viewer", "operator", "approverOther"] as const) expect(await call(users[role])).toBe(403);
      expect([404, 409]).toContain(await call(users.admin));
    }
  });

  it("API tokens: admins on every cluster only", async () => {
    const expiresAt = new Date(Date.now() + 86_400_000).toISOString();
    const calls: [string, (as: TestUser | null) => Promise<number>, number][] = [
      ["list tokens", (as) => send(listTokens, "GET", "/api/tokens", {}, as), 200],
      [
        "create token (unknown user)",
        (as) =>
          send(createToken, "POST", "/api/tokens", {}, as, {
            name: "mx-token",
            userId: "no-such-user",
            roles: { local: "viewer" },
            expiresAt,
          }),
        422,
      ],
      [
        "revoke token (missing)",
        (as) => send(revokeToken, "DELETE", "/api/tokens/no-such-token", { tokenId: "no-such-token" }, as),
        404,
      ],
    ];
    for (const [name, call, adminStatus] of calls) {
      expect(await call(null), `${name} anonymous`).toBe(401);
      for (const role of ["viewer", "operator", "approverOther"] as const) {
        expect(await call(users[role]), `${name} as ${role}`).toBe(403);
      }
      expect(await call(users.admin), `${name} as admin`).toBe(adminStatus);
    }
  });

  it("ACLs, SCRAM users and quotas: admins only, or approvers on a cluster that delegates them", async () => {
    const delegatedApprover = await testUser("mx-approver-access@sluice.test", {
      "local-access-delegated": "approver",
    });
    const binding = { principal: "User:mx-nobody", resourceType: "TOPIC", resourceName: names.own, operation: "READ" };
    const calls = (clusterId: string): [string, (as: TestUser | null) => Promise<number>][] => {
      const P = { clusterId };
      const base = `/api/clusters/${clusterId}`;
      return [
        ["list acls", (as) => send(listAcls, "GET", `${base}/acls`, P, as)],
        ["create acl (dry run)", (as) => send(createAcl, "POST", `${base}/acls?dryRun=true`, P, as, binding)],
        [
          "delete acls (dry run)",
          (as) => send(deleteAcls, "DELETE", `${base}/acls?dryRun=true&principal=User:mx-nobody`, P, as),
        ],
        ["list scram users", (as) => send(listScram, "GET", `${base}/scram-users`, P, as)],
        [
          "create scram user (invalid)",
          (as) => send(createScram, "POST", `${base}/scram-users`, P, as, { name: "mx-nobody", iterations: 1 }),
        ],
        [
          "rotate scram user (invalid)",
          (as) =>
            send(rotateScram, "POST", `${base}/scram-users/mx-nobody/rotate`, { ...P, userName: "mx-nobody" }, as, {
              iterations: 1,
            }),
        ],
        [
          "delete scram user (missing)",
          (as) => send(deleteScram, "DELETE", `${base}/scram-users/mx-nobody`, { ...P, userName: "mx-nobody" }, as),
        ],
        ["list quotas", (as) => send(listQuotas, "GET", `${base}/quotas`, P, as)],
        ["put quota (invalid)", (as) => send(putQuota, "PUT", `${base}/quotas`, P, as, { entity: {}, values: {} })],
        [
          "declare principal (invalid)",
          (as) => send(declarePrincipal, "POST", `${base}/principals`, P, as, { principal: "User:*", teamId: "x" }),
        ],
        [
          "remove principal (missing)",
          (as) => send(removePrincipal, "DELETE", `${base}/principals/no-such`, { ...P, principalId: "no-such" }, as),
        ],
      ];
    };
    for (const [name, call] of calls("local")) {
      expect(await call(null), `${name} anonymous`).toBe(401);
      for (const role of ["viewer", "operator", "approverOther"] as const) {
        expect(await call(users[role]), `${name} as ${role}`).toBe(403);
      }
      expect(allowed(await call(users.admin)), `${name} as admin`).toBe(true);
    }
    for (const [name, call] of calls("local-access-delegated")) {
      expect(allowed(await call(delegatedApprover)), `${name} as delegated approver`).toBe(true);
    }
    // The sidebar shows the access pages to the delegated approver too.
    const me = await callRoute<{ permissions: Record<string, string[]> }>(
      getMe,
      "/api/me",
      {},
      { headers: { cookie: delegatedApprover.cookie } },
    );
    expect(me.body.permissions["local-access-delegated"]).toEqual(
      expect.arrayContaining(["access:read", "access:manage"]),
    );
  });

  it("alert rules and silences: admins' rules only by admins, also on a read-only cluster (they are Sluice data, not Kafka changes)", async () => {
    const rule = { name: "mx rule", params: { kind: "cluster_unreachable" }, channels: [] };
    const calls = (clusterId: string): [string, (as: TestUser | null) => Promise<number>][] => {
      const P = { clusterId };
      const base = `/api/clusters/${clusterId}/alerts`;
      return [
        ["create rule", (as) => send(createAlertRule, "POST", `${base}/rules`, P, as, rule)],
        [
          "update rule (missing)",
          (as) => send(putAlertRule, "PUT", `${base}/rules/no-such-rule`, { ...P, ruleId: "no-such-rule" }, as, rule),
        ],
        [
          "delete rule (missing)",
          (as) => send(deleteAlertRule, "DELETE", `${base}/rules/no-such-rule`, { ...P, ruleId: "no-such-rule" }, as),
        ],
        [
          "create silence",
          (as) => send(createSilence, "POST", `${base}/silences`, P, as, { reason: "mx", minutes: 1 }),
        ],
        [
          "delete silence (missing)",
          (as) =>
            send(
              deleteSilence,
              "DELETE",
              `${base}/silences/no-such-silence`,
              { ...P, silenceId: "no-such-silence" },
              as,
            ),
        ],
      ];
    };
    for (const clusterId of ["local", "local-readonly"]) {
      for (const [name, call] of calls(clusterId)) {
        expect(await call(null), `${name} anonymous`).toBe(401);
        for (const role of ["viewer", "operator"] as const) {
          expect(await call(users[role]), `${name} as ${role} on ${clusterId}`).toBe(403);
        }
        // an approver (on "local" only) passes the role check (team rules) and is refused an admins' rule; a missing one is 404
        expect(await call(users.approverOther), `${name} as approver on ${clusterId}`).toBe(
          clusterId === "local" && name.includes("(missing)") ? 404 : 403,
        );
        expect([201, 404]).toContain(await call(users.admin));
      }
    }
    await prisma.alertRule.deleteMany({ where: { name: "mx rule" } });
    await prisma.alertSilence.deleteMany({ where: { reason: "mx" } });
  });

  it("team alert rules: a team's approver within the team's prefixes; nobody else below admin", async () => {
    const rule = (teamId: string, owner: "own" | "other") => ({
      name: "mx team rule",
      teamId,
      params: { kind: "group_health", group: names[owner] },
      channels: [],
    });
    const create = (as: TestUser | null, teamId: string, owner: "own" | "other") =>
      send(createAlertRule, "POST", "/api/clusters/local/alerts/rules", L, as, rule(teamId, owner));
    expect(await create(null, ship, "other")).toBe(401);
    expect(await create(users.viewer, pay, "own")).toBe(403);
    expect(await create(users.operator, pay, "own")).toBe(403);
    expect(await create(users.approverOther, pay, "own")).toBe(403);
    expect(await create(users.approverOther, ship, "own")).toBe(403);
    expect(await create(users.approverOther, ship, "other")).toBe(201);
    expect(await create(users.admin, pay, "own")).toBe(201);
    const own = await prisma.alertRule.findFirstOrThrow({ where: { name: "mx team rule", teamId: pay } });
    const P = { ...L, ruleId: own.id };
    expect(
      await send(
        putAlertRule,
        "PUT",
        `/api/clusters/local/alerts/rules/${own.id}`,
        P,
        users.approverOther,
        rule(ship, "other"),
      ),
    ).toBe(403);
    expect(
      await send(deleteAlertRule, "DELETE", `/api/clusters/local/alerts/rules/${own.id}`, P, users.approverOther),
    ).toBe(403);
    expect(
      await send(createSilence, "POST", "/api/clusters/local/alerts/silences", L, users.approverOther, {
        ruleId: own.id,
        reason: "mx",
        minutes: 1,
      }),
    ).toBe(403);
    await prisma.alertRule.deleteMany({ where: { name: "mx team rule" } });
  });

  it("own preferences: every signed-in user, nobody anonymous", async () => {
    const put = (as: TestUser | null) =>
      send(putPreferences, "PUT", "/api/me/preferences", {}, as, { timeZone: "UTC" });
    expect(await put(null)).toBe(401);
    for (const role of ["viewer", "operator", "approverOther", "admin"] as const) {
      expect(await put(users[role]), role).toBe(200);
    }
  });

  it("own notifications marked read: every signed-in user, nobody anonymous", async () => {
    const post = (as: TestUser | null) =>
      send(markNotificationsRead, "POST", "/api/me/notifications/read", {}, as, { all: true });
    expect(await post(null)).toBe(401);
    for (const role of ["viewer", "operator", "approverOther", "admin"] as const) {
      expect(await post(users[role]), role).toBe(200);
    }
  });
});
