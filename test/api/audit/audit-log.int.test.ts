import { beforeAll, describe, expect, it } from "vitest";
import { GET as exportRoute } from "@/app/api/audit/export/route";
import { GET as listRoute } from "@/app/api/audit/route";
import type { AuditPage } from "@/lib/schemas/audit";
import { prisma } from "@/server/db/prisma";
import { testUser, type TestUser } from "../../auth";
import { callRoute, type Envelope } from "../../call-route";

const tag = `audit-it-${Date.now().toString(36)}`;
let admin: TestUser, approver: TestUser, viewer: TestUser;
const list = (user: TestUser, query: string) =>
  callRoute<AuditPage & Envelope>(listRoute, `/api/audit?${query}`, {}, { headers: { cookie: user.cookie } });

beforeAll(async () => {
  admin = await testUser("audit-admin@sluice.test", { "*": "admin" });
  approver = await testUser("audit-approver@sluice.test", { local: "approver" });
  viewer = await testUser("audit-viewer@sluice.test", { local: "viewer" });
  const base = { actor: "someone@sluice.test", targetType: "topic", requestId: `req_${tag}` };
  const at = (s: number) => new Date(Date.now() - 60_000 + s * 1000);
  await prisma.auditEvent.createMany({
    data: [
      { ...base, createdAt: at(1), clusterId: "local", action: "topic.created", target: `${tag}.a`, result: "success" },
      {
        ...base,
        createdAt: at(2),
        clusterId: "local",
        action: "topic.deleted",
        target: `${tag}.a`,
        result: "failure",
        error: "broker said no",
      },
      { ...base, createdAt: at(3), clusterId: "local", action: "topic.created", target: `${tag}.b`, result: "success" },
      {
        ...base,
        createdAt: at(4),
        clusterId: "offline",
        action: "topic.created",
        target: `${tag}.c`,
        result: "success",
      },
      {
        ...base,
        createdAt: at(5),
        clusterId: null,
        action: "user.created",
        targetType: "user",
        target: `${tag}@sluice.test`,
        result: "success",
      },
    ],
  });
});

describe("audit log", () => {
  it("filters on the server and pages newest first with a cursor", async () => {
    const all = await list(admin, `q=${tag}`);
    expect(all.body.events.map((e) => e.target)).toEqual([
      `${tag}@sluice.test`,
      `${tag}.c`,
      `${tag}.b`,
      `${tag}.a`,
      `${tag}.a`,
    ]);
    expect((await list(admin, `q=${tag}&action=topic.&result=failure`)).body.events.map((e) => e.error)).toEqual([
      "broker said no",
    ]);
    expect((await list(admin, `q=${tag}&clusterId=offline`)).body.events).toHaveLength(1);

    const first = await list(admin, `q=${tag}&limit=2`);
    expect(first.body.events).toHaveLength(2);
    const second = await list(admin, `q=${tag}&limit=2&cursor=${first.body.nextCursor}`);
    const third = await list(admin, `q=${tag}&limit=2&cursor=${second.body.nextCursor}`);
    expect([...first.body.events, ...second.body.events, ...third.body.events].map((e) => e.id)).toEqual(
      all.body.events.map((e) => e.id),
    );
    expect(third.body.nextCursor).toBeNull();
  });

  it("shows an approver only their clusters' events, and a viewer nothing", async () => {
    const mine = await list(approver, `q=${tag}`);
    expect(mine.body.events.map((e) => e.clusterId)).toEqual(["local", "local", "local"]);
    expect((await list(approver, `q=${tag}&clusterId=offline`)).status).toBe(403);
    const refused = await list(viewer, `q=${tag}`);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toContain("approver or admin");
  });

  it("exports the same filter as JSON Lines", async () => {
    const res = await exportRoute(
      new Request(`http://sluice.test/api/audit/export?q=${tag}&clusterId=local`, {
        headers: { cookie: admin.cookie },
      }),
      { params: Promise.resolve({}) },
    );
    expect(res.headers.get("content-type")).toContain("application/x-ndjson");
    expect(res.headers.get("content-disposition")).toMatch(/attachment; filename="sluice-audit-.*\.jsonl"/);
    const lines = (await res.text())
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.action, l.target, l.result])).toEqual([
      ["topic.created", `${tag}.b`, "success"],
      ["topic.deleted", `${tag}.a`, "failure"],
      ["topic.created", `${tag}.a`, "success"],
    ]);
  });
});
