import { beforeAll, describe, expect, it } from "vitest";
import { GET, PUT } from "@/app/api/me/preferences/route";
import { prisma } from "@/server/db/prisma";
import { testUser, type TestUser } from "../../auth";
import { callRoute, type Envelope } from "../../call-route";

const u = Date.now().toString(36);
let alice: TestUser;
let bob: TestUser;
const put = (as: TestUser, body: unknown) =>
  callRoute<Envelope & { timeZone: string }>(
    PUT,
    "/api/me/preferences",
    {},
    { method: "PUT", headers: { cookie: as.cookie, "content-type": "application/json" }, body: JSON.stringify(body) },
  );
const get = (as: TestUser) =>
  callRoute<{ timeZone: string }>(GET, "/api/me/preferences", {}, { headers: { cookie: as.cookie } });

describe("PUT /api/me/preferences", () => {
  beforeAll(async () => {
    alice = await testUser(`pref-a-${u}@sluice.test`, { local: "viewer" });
    bob = await testUser(`pref-b-${u}@sluice.test`, { local: "viewer" });
  });

  it("starts at UTC, keeps the chosen zone for this user only, and audits the change", async () => {
    expect((await get(alice)).body.timeZone).toBe("UTC");
    const saved = await put(alice, { timeZone: "Europe/Berlin" });
    expect(saved.status).toBe(200);
    expect(saved.body.timeZone).toBe("Europe/Berlin");
    expect((await get(alice)).body.timeZone).toBe("Europe/Berlin");
    expect((await get(bob)).body.timeZone).toBe("UTC");
    const audit = await prisma.auditEvent.findFirst({
      where: { action: "preferences.updated", actorId: alice.id },
      orderBy: { createdAt: "desc" },
    });
    expect(audit?.result).toBe("success");
    expect(JSON.parse(audit!.after!)).toEqual({ timeZone: "Europe/Berlin" });
    expect(JSON.parse(audit!.before!)).toEqual({ timeZone: "UTC" });
  });

  it("refuses an unknown time zone with 422 naming the field", async () => {
    const r = await put(alice, { timeZone: "Mars/Olympus_Mons" });
    expect(r.status).toBe(422);
    expect(r.body.error.details?.[0]?.path).toBe("timeZone");
    expect((await put(alice, { timeZone: "x".repeat(500) })).status).toBe(422);
  });
});
