import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as decisionRoute } from "@/app/api/clusters/[clusterId]/requests/[requestId]/decision/route";
import { GET as getRequestRoute } from "@/app/api/clusters/[clusterId]/requests/[requestId]/route";
import { POST as driftRoute } from "@/app/api/clusters/[clusterId]/requests/drift/route";
import { POST as submitRoute } from "@/app/api/clusters/[clusterId]/requests/route";
import type { RequestPreview, TopicRequestDto } from "@/lib/schemas/requests";
import { prisma } from "@/server/db/prisma";
import { testTeam, testUser, type TestUser } from "../../auth";
import { callRoute, type Envelope } from "../../call-route";
import { ensureConnect } from "../../infra";
import { TEST_STACK } from "../../stack";

// A team asks for a Kafka Connect connector like it asks for a topic: its name and topics inside the team's
// prefixes, validated by the real worker, decided by the team's approver, provisioned on the worker, watched for drift.
const u = Date.now().toString(36);
const name = `it.cr.${u}-source`;
const topic = `it.cr.${u}.lines`;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sluice-connector-request-"));
const file = path.join(dir, "in.txt");
const P = { clusterId: "local" };
const config = {
  "connector.class": "org.apache.kafka.connect.file.FileStreamSourceConnector",
  "tasks.max": "1",
  file,
  topic,
  "producer.override.sasl.jaas.config": "not-a-real-secret-value",
};
let stopConnect = () => {};
let team = "";
let dev: TestUser, lead: TestUser;

const json = (body: unknown, user: TestUser) => ({
  method: "POST",
  body: JSON.stringify(body),
  headers: { "content-type": "application/json", cookie: user.cookie },
});
const submit = (over: object, dryRun = false) =>
  callRoute<TopicRequestDto & RequestPreview & Envelope>(
    submitRoute,
    `/api/clusters/local/requests${dryRun ? "?dryRun=true" : ""}`,
    P,
    json(
      {
        kind: "connector",
        teamId: team,
        connectId: "local",
        name,
        config,
        justification: "ships the orders file into Kafka",
        ...over,
      },
      dev,
    ),
  );
const worker = async (p: string, init?: RequestInit) => fetch(`${TEST_STACK.connectUrl}${p}`, init);

beforeAll(async () => {
  stopConnect = ensureConnect();
  fs.writeFileSync(file, "line 1\n");
  team = await testTeam("it-cr-team", ["it.cr."]);
  dev = await testUser("cr-dev@sluice.test", { local: "viewer" }, [team]);
  lead = await testUser("cr-lead@sluice.test", { local: "approver" }, [team]);
}, 180_000);

afterAll(async () => {
  await worker(`/connectors/${encodeURIComponent(name)}`, { method: "DELETE" });
  stopConnect();
});

describe("connector requests", () => {
  it("lists the team-prefix rules and the worker's own field errors before submit", async () => {
    const res = await submit(
      { name: "someone-elses-source", config: { ...config, topic: "shop.orders", "tasks.max": "zero" } },
      true,
    );
    expect(res.status).toBe(200);
    const paths = res.body.violations.map((v) => v.path);
    expect(paths).toEqual(expect.arrayContaining(["name", "config.topic", "config.tasks.max"]));
    const regex = await submit({ config: { ...config, "topics.regex": ".*" } }, true);
    expect(regex.body.violations.map((v) => v.path)).toContain("config.topics.regex");
  });

  it("the team's approver approves; the connector runs on the worker; the stored request never shows the secret", async () => {
    const sub = await submit({});
    expect(sub.status, JSON.stringify(sub.body)).toBe(201);
    expect(sub.body.decidingTeam?.name).toBe("it-cr-team");
    expect(JSON.stringify(sub.body)).not.toContain("not-a-real-secret-value");
    const approved = await callRoute<TopicRequestDto>(
      decisionRoute,
      `/api/clusters/local/requests/${sub.body.id}/decision`,
      { ...P, requestId: sub.body.id },
      json({ decision: "approve", comment: "" }, lead),
    );
    expect(approved.body.status, JSON.stringify(approved.body)).toBe("PROVISIONED");
    const live = await (await worker(`/connectors/${encodeURIComponent(name)}/config`)).json();
    expect(live).toMatchObject({ topic, file, "producer.override.sasl.jaas.config": "not-a-real-secret-value" });
    const row = await prisma.topicRequest.findUnique({ where: { id: sub.body.id } });
    expect(row!.spec).not.toContain("not-a-real-secret-value");
    const audit = await prisma.auditEvent.findMany({
      where: { OR: [{ target: sub.body.id }, { target: { contains: name } }] },
    });
    expect(JSON.stringify(audit)).not.toContain("not-a-real-secret-value");

    const again = await submit({});
    expect(again.status).toBe(409);

    // changed on the worker directly: drift names the key; the hidden secret is not compared
    const changed = { ...live, "tasks.max": "2" };
    expect(
      (
        await worker(`/connectors/${encodeURIComponent(name)}/config`, {
          method: "PUT",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(changed),
        })
      ).ok,
    ).toBe(true);
    await callRoute(driftRoute, "/api/clusters/local/requests/drift", P, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    const after = await callRoute<TopicRequestDto>(
      getRequestRoute,
      `/api/clusters/local/requests/${sub.body.id}`,
      { ...P, requestId: sub.body.id },
      { headers: { cookie: dev.cookie } },
    );
    expect(after.body.drift).toEqual([{ kind: "config", name: "tasks.max", expected: "1", actual: "2" }]);
  });
});
