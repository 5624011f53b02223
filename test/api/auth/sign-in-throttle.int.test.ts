import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as signIn } from "@/app/api/session/route";
import { prisma } from "@/server/db/prisma";
import { KNOWN_DEVICE_COOKIE } from "@/server/services/accounts/sign-in";
import { TEST_PASSWORD, testUser } from "../../auth";
import { callRoute, type Envelope } from "../../call-route";

// Sluice behind one trusted reverse proxy, which appends the address it saw to x-forwarded-for.
const hops = process.env.SLUICE_TRUSTED_PROXY_HOPS;
beforeAll(() => void (process.env.SLUICE_TRUSTED_PROXY_HOPS = "1"));
afterAll(
  () =>
    void (hops === undefined
      ? delete process.env.SLUICE_TRUSTED_PROXY_HOPS
      : (process.env.SLUICE_TRUSTED_PROXY_HOPS = hops)),
);

const login = (email: string, password: string, address: string | null, spoofed?: string, cookie?: string) =>
  callRoute<Envelope>(
    signIn,
    "/api/session",
    {},
    {
      method: "POST",
      anonymous: true,
      body: JSON.stringify({ email, password }),
      headers: {
        "content-type": "application/json",
        ...(address ? { "x-forwarded-for": spoofed ? `${spoofed}, ${address}` : address } : {}),
        ...(cookie ? { cookie } : {}),
      },
    },
  );
const deviceCookie = (res: { headers: Headers }) =>
  res.headers
    .getSetCookie()
    .find((c) => c.startsWith(`${KNOWN_DEVICE_COOKIE}=`))
    ?.split(";")[0];
const checked = async (email: string) =>
  (await prisma.auditEvent.findMany({ where: { action: "session.sign-in", target: email } })).filter(
    (r) => r.result === "failure" && r.error !== "throttled",
  );
const run = Date.now().toString(36);
// Addresses unique to this run (counters live in the database for the window).
const base = Math.floor(Math.random() * 200) * 65536 + (Date.now() % 60_000) * 16;
const addr = (n: number) => {
  const v = base + n;
  return `10.${(v >> 16) & 255}.${(v >> 8) & 255}.${v & 255}`;
};
const [OWNER, ATTACKER, SPOOFER, SPRAYER] = [addr(1), addr(2), addr(3), addr(4)];

async function loginAs(email: string) {
  await testUser(email, { local: "viewer" });
  return login(email, TEST_PASSWORD, null);
}

describe("sign-in throttling", () => {
  it(
    "an attacker's wrong passwords do not stop the owner signing in from their usual address",
    { timeout: 120_000 },
    async () => {
      const email = `thr-owner-${run}@sluice.test`;
      await testUser(email, { local: "viewer" });
      expect((await login(email, TEST_PASSWORD, OWNER)).status).toBe(200); // the owner's usual address
      for (let i = 0; i < 5; i++) expect((await login(email, "guess", ATTACKER)).status).toBe(401);
      expect((await login(email, "guess", ATTACKER)).status).toBe(429);
      expect((await login(email, TEST_PASSWORD, ATTACKER)).status).toBe(429); // the attacker stays throttled
      expect((await login(email, TEST_PASSWORD, SPOOFER, OWNER)).status).toBe(429); // a spoofed hop does not help
      expect((await login(email, TEST_PASSWORD, OWNER)).status).toBe(200);
    },
  );

  it(
    "without a trusted proxy, the owner's browser (its known-device cookie) still signs in once guesses lock the account",
    { timeout: 120_000 },
    async () => {
      const email = `thr-device-${run}@sluice.test`;
      await testUser(email, { local: "viewer" });
      delete process.env.SLUICE_TRUSTED_PROXY_HOPS;
      try {
        const first = await login(email, TEST_PASSWORD, null);
        expect(first.status).toBe(200);
        const cookie = deviceCookie(first)!;
        expect(cookie).toBeTruthy();
        for (let i = 0; i < 5; i++) expect((await login(email, "guess", null)).status).toBe(401);
        expect((await login(email, TEST_PASSWORD, null)).status).toBe(429); // any other browser is throttled
        const [name, token] = cookie.split("=");
        const forged = `${name}=${token.slice(0, -2)}${token.endsWith("AA") ? "BB" : "AA"}`;
        expect((await login(email, TEST_PASSWORD, null, undefined, forged)).status).toBe(429); // a forged token does not help
        const other = deviceCookie(await loginAs(`thr-device2-${run}@sluice.test`))!;
        expect((await login(email, TEST_PASSWORD, null, undefined, other)).status).toBe(429); // another account's token does not either
        expect((await login(email, TEST_PASSWORD, null, undefined, cookie)).status).toBe(200);
      } finally {
        process.env.SLUICE_TRUSTED_PROXY_HOPS = "1";
      }
    },
  );

  it(
    "counts 40 parallel wrong attempts exactly: only the per-account limit reaches the password check",
    { timeout: 120_000 },
    async () => {
      const email = `thr-parallel-${run}@sluice.test`;
      await testUser(email, { local: "viewer" });
      const results = await Promise.all(
        Array.from({ length: 40 }, (_, i) => login(email, `guess-${i}`, addr(100 + i))),
      );
      expect(results.filter((r) => r.status === 401)).toHaveLength(5);
      expect(results.filter((r) => r.status === 429)).toHaveLength(35);
      expect(await checked(email)).toHaveLength(5);
    },
  );

  it("throttles one address guessing across many accounts", { timeout: 120_000 }, async () => {
    const emails = Array.from({ length: 30 }, (_, i) => `thr-spray-${run}-${i}@sluice.test`);
    const results = await Promise.all(emails.map((e) => login(e, "Summer2026!", SPRAYER)));
    const passed = results.filter((r) => r.status === 401).length;
    expect(passed).toBe(20);
    expect(results.filter((r) => r.status === 429)).toHaveLength(10);
  });
});
