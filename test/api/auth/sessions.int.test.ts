import { beforeAll, describe, expect, it } from "vitest";
import { GET as me } from "@/app/api/me/route";
import { DELETE as signOut, POST as signIn } from "@/app/api/session/route";
import { POST as createTopic } from "@/app/api/clusters/[clusterId]/topics/route";
import { PATCH as patchUser } from "@/app/api/users/[userId]/route";
import type { MeDto } from "@/lib/schemas/accounts";
import { SIGN_IN_MAX_FAILURES } from "@/server/services/accounts/sign-in";
import { prisma } from "@/server/db/prisma";
import { TEST_PASSWORD, testTeam, testUser, type TestUser } from "../../auth";
import { callRoute, type Envelope } from "../../call-route";

const post = (body: unknown, headers: Record<string, string> = {}) => ({
  method: "POST",
  body: JSON.stringify(body),
  headers: { "content-type": "application/json", ...headers },
});
const login = (email: string, password: string) =>
  callRoute<Envelope & { user: { email: string } }>(
    signIn,
    "/api/session",
    {},
    { ...post({ email, password }), anonymous: true },
  );
const dryCreate = (cookie: string, name: string, headers: Record<string, string> = {}) =>
  callRoute<Envelope>(
    createTopic,
    "/api/clusters/local/topics?dryRun=true",
    { clusterId: "local" },
    post({ name, partitions: 1, replicationFactor: 1 }, { cookie, ...headers }),
  );
const whoami = (cookie: string) => callRoute<MeDto & Envelope>(me, "/api/me", {}, { headers: { cookie } });

let pay = "";
let admin: TestUser;
beforeAll(async () => {
  pay = await testTeam("it-payments", ["it.pay."]);
  admin = await testUser("sess-admin@sluice.test", { "*": "admin" });
});

describe("sign-in", () => {
  it("sets an HTTP-only SameSite session cookie that /api/me accepts; sign-out ends it", async () => {
    await testUser("sess-a@sluice.test", { local: "viewer" }, [pay]);
    const res = await login("sess-a@sluice.test", TEST_PASSWORD);
    expect(res.status).toBe(200);
    const setCookie = res.headers.getSetCookie().find((c) => c.startsWith("sluice.session_token="))!;
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const cookie = setCookie.split(";")[0];
    const who = await whoami(cookie);
    expect(who.body).toMatchObject({ email: "sess-a@sluice.test", roles: { local: "viewer" }, globalAdmin: false });
    expect(who.body.teams.map((t) => t.prefixes)).toEqual([["it.pay."]]);
    expect(who.body.permissions.local).toContain("requests:create");
    expect(who.body.permissions.local).not.toContain("topics:create");

    const out = await callRoute(signOut, "/api/session", {}, { method: "DELETE", headers: { cookie } });
    expect(out.status).toBe(204);
    expect((await whoami(cookie)).status).toBe(401);
  });

  it("answers a wrong password and an unknown email alike, then throttles the email", async () => {
    const email = `sess-throttle-${Date.now()}@sluice.test`;
    await testUser(email, { local: "viewer" });
    const wrong = await login(email, "not the password");
    const unknown = await login(`nobody-${Date.now()}@sluice.test`, "whatever");
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect(wrong.body.error.message).toBe("Email or password is incorrect.");
    expect(unknown.body.error.message).toBe(wrong.body.error.message);
    for (let i = 1; i < SIGN_IN_MAX_FAILURES; i++) await login(email, "still wrong");
    const throttled = await login(email, TEST_PASSWORD); // even the right password waits out the window
    expect(throttled.status).toBe(429);
    expect(throttled.body.error.message).toMatch(/Too many failed sign-ins.*Try again in \d+ minute/);
    const rows = await prisma.auditEvent.findMany({ where: { action: "session.sign-in", target: email } });
    expect(rows.filter((r) => r.result === "failure")).toHaveLength(SIGN_IN_MAX_FAILURES + 1);
  });

  it("refuses requests without a session, with a forged or expired one", async () => {
    expect((await dryCreate("", "it.pay.x")).status).toBe(401);
    expect((await dryCreate("sluice.session_token=forged.value", "it.pay.x")).status).toBe(401);
    const user = await testUser("sess-exp@sluice.test", { local: "admin" });
    expect((await whoami(user.cookie)).status).toBe(200);
    await prisma.session.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const expired = await whoami(user.cookie);
    expect(expired.status).toBe(401);
    expect(expired.body.error.message).toContain("Sign in");
  });
});

describe("roles and deactivation take effect immediately", () => {
  it("a viewer made operator of a team creates inside its prefixes only; deactivated, the session stops working", async () => {
    const u = await testUser(`sess-role-${Date.now()}@sluice.test`, { local: "viewer" });
    expect((await dryCreate(u.cookie, "it.pay.role")).status).toBe(403);
    const patch = (body: unknown) =>
      callRoute<Envelope>(
        patchUser,
        `/api/users/${u.id}`,
        { userId: u.id },
        {
          method: "PATCH",
          body: JSON.stringify(body),
          headers: { "content-type": "application/json", cookie: admin.cookie },
        },
      );
    expect((await patch({ roles: { local: "operator" }, teamIds: [pay] })).status).toBe(200);
    expect((await dryCreate(u.cookie, "it.pay.role")).status).toBe(200);
    const outside = await dryCreate(u.cookie, "it.ship.role");
    expect(outside.status).toBe(403);
    expect(outside.body.error.message).toContain("not owned by your teams");

    expect((await patch({ active: false })).status).toBe(200);
    expect((await dryCreate(u.cookie, "it.pay.role")).status).toBe(401);
    expect((await login(u.email, TEST_PASSWORD)).status).toBe(401);
  });

  it("an admin cannot lock themselves out", async () => {
    const res = await callRoute<Envelope>(
      patchUser,
      `/api/users/${admin.id}`,
      { userId: admin.id },
      {
        method: "PATCH",
        body: JSON.stringify({ roles: { "*": "viewer" } }),
        headers: { "content-type": "application/json", cookie: admin.cookie },
      },
    );
    expect(res.status).toBe(422);
  });
});

describe("CSRF", () => {
  it("refuses mutations from another origin and accepts Sluice's own", async () => {
    const evil = await dryCreate(admin.cookie, "it.pay.csrf", { origin: "https://evil.example" });
    expect(evil.status).toBe(403);
    expect(evil.body.error.message).toContain("Cross-site");
    expect((await dryCreate(admin.cookie, "it.pay.csrf", { "sec-fetch-site": "cross-site" })).status).toBe(403);
    expect(
      (await dryCreate(admin.cookie, "it.pay.csrf", { origin: "http://sluice.test", "sec-fetch-site": "same-origin" }))
        .status,
    ).toBe(200);
    const loginCsrf = await callRoute<Envelope>(
      signIn,
      "/api/session",
      {},
      { ...post({ email: "x@y.z", password: "p" }, { origin: "https://evil.example" }), anonymous: true },
    );
    expect(loginCsrf.status).toBe(403);
  });
});
