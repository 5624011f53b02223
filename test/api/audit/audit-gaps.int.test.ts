import { describe, expect, it } from "vitest";
import { POST as createTopic } from "@/app/api/clusters/[clusterId]/topics/route";
import { prisma } from "@/server/db/prisma";
import { sseResponse } from "@/server/http/sse";
import { testUser } from "../../auth";
import { callRoute, type Envelope } from "../../call-route";
import { readEvents } from "../../sse-client";

describe("refused mutations are audited", () => {
  it("a viewer's 403 on creating a topic leaves a denied row naming actor, action, target and reason", async () => {
    const viewer = await testUser("gaps-viewer@sluice.test", { local: "viewer" });
    const name = `it.gaps.${Date.now()}`;
    const res = await callRoute<Envelope>(
      createTopic,
      "/api/clusters/local/topics",
      { clusterId: "local" },
      {
        method: "POST",
        body: JSON.stringify({ name, partitions: 1, replicationFactor: 1 }),
        headers: { "content-type": "application/json", cookie: viewer.cookie },
      },
    );
    expect(res.status).toBe(403);
    const row = await prisma.auditEvent.findFirst({ where: { requestId: res.body.error.requestId } });
    expect(row).toMatchObject({
      actor: viewer.email,
      actorId: viewer.id,
      clusterId: "local",
      action: "topics:create (POST)",
      target: "/api/clusters/local/topics",
      result: "denied",
      error: res.body.error.message,
    });
  });
});

describe("SSE error events", () => {
  it("carry a code and a safe message, never the internal error text or stack", async () => {
    const internal = new Error("SQLITE_BUSY: database is locked (/srv/sluice/.data/sluice.db) password=hunter2");
    const res = sseResponse(new Request("http://sluice.test/api/x"), async function* () {
      yield { event: "progress", data: { n: 1 } };
      throw internal;
    });
    const events = await readEvents(res, (ev) => ev.some((e) => e.event === "error"), 5_000);
    const error = events.find((e) => e.event === "error")!;
    expect(error.data).toMatchObject({ code: "internal", fatal: true });
    expect(error.data.message).toMatch(/Something went wrong/);
    const text = JSON.stringify(events);
    for (const leak of ["SQLITE_BUSY", "/srv/sluice", "hunter2", "at "]) expect(text).not.toContain(leak);
  });
});
