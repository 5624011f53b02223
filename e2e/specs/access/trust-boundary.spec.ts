import { expect, test, type APIRequestContext } from "@playwright/test";
import { BOOTSTRAP } from "../../../test/infra";
import { contextAs, ensureUser, E2E_PASSWORD } from "../../fixtures/accounts";
import { keepScreenshot } from "../../fixtures/screenshot";

// The broker's address as the brokers page would carry it (host and port), in any byte of a refused response.
const [BROKER_HOST, BROKER_PORT] = BOOTSTRAP.split(":");
const leaksBroker = (body: string) =>
  body.includes(BOOTSTRAP) || body.includes(`"port":${BROKER_PORT}`) || body.includes(`"host":"${BROKER_HOST}"`);

/** An RSC navigation from the cluster overview to its brokers page: Next renders only the segments below the layout. */
const ROUTER_STATE = encodeURIComponent(
  JSON.stringify([
    "",
    {
      children: [
        "(console)",
        { children: ["clusters", { children: [["clusterId", "local", "d", null], { children: ["__PAGE__", {}] }] }] },
      ],
    },
  ]),
);
const rscHeaders: Record<string, string>[] = [{ RSC: "1" }, { RSC: "1", "Next-Router-State-Tree": ROUTER_STATE }];

async function rscBodies(request: APIRequestContext, path: string) {
  return Promise.all(
    rscHeaders.map(async (headers) => {
      // (Next answers an RSC request without its `_rsc` cache key with a redirect that adds it; followed here.)
      const res = await request.get(path, { headers });
      return { status: res.status(), body: await res.text() };
    }),
  );
}

test("a user with no role on a cluster gets the 403 page and no broker data, for pages and RSC payloads", async ({
  browser,
  baseURL,
  request: admin,
}) => {
  test.setTimeout(120_000);
  // The check against leaks is meaningful: the admin's RSC payload of the same page carries the broker's address.
  for (const r of await rscBodies(admin, "/clusters/local/brokers")) {
    expect(r.status).toBe(200);
    expect(leaksBroker(r.body)).toBe(true);
  }

  await ensureUser(admin, "no-local@e2e.test", "No Local", { offline: "viewer" }, []);
  const context = await contextAs(browser, baseURL!, "no-local@e2e.test");
  const page = await context.newPage();
  for (const path of [
    "/clusters/local/brokers",
    "/clusters/local",
    "/clusters/local/topics",
    "/clusters/local/consumer-groups",
    "/clusters/local/schemas",
    "/clusters/local/requests",
    "/audit",
    "/access",
  ]) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(403);
    await expect(page.getByTestId("forbidden"), path).toBeVisible();
    expect(leaksBroker(await res!.text()), path).toBe(false);
  }
  await keepScreenshot(page, "forbidden-page");
  for (const r of await rscBodies(context.request, "/clusters/local/brokers")) {
    // An RSC payload carries the 403 for the client router to render (Next may send it with status 200).
    expect([200, 403], r.body.slice(0, 300)).toContain(r.status);
    expect(r.body).toMatch(/Not allowed|NEXT_HTTP_ERROR_FALLBACK;403/);
    expect(leaksBroker(r.body)).toBe(false);
  }
  // The REST route agrees.
  expect((await context.request.get("/api/clusters/local/brokers")).status()).toBe(403);
  await context.close();
});

test("a per-cluster viewer sees only their cluster: home page, switcher and GET /api/clusters", async ({
  browser,
  baseURL,
  request: admin,
}) => {
  test.setTimeout(120_000);
  await ensureUser(admin, "local-viewer@e2e.test", "Local Viewer", { local: "viewer" }, []);
  const context = await contextAs(browser, baseURL!, "local-viewer@e2e.test");
  const api = await context.request.get("/api/clusters");
  expect(api.status()).toBe(200);
  expect(((await api.json()).clusters as { id: string }[]).map((c) => c.id)).toEqual(["local"]);

  const page = await context.newPage();
  await page.goto("/");
  await expect(page.getByTestId("cluster-card-local")).toBeVisible();
  await expect(page.locator('[data-testid^="cluster-card-"]')).toHaveCount(1);
  await page.getByTestId("cluster-switcher").click();
  await expect(page.locator('[data-testid^="cluster-switcher-item-"]')).toHaveCount(1);
  await keepScreenshot(page, "home-per-cluster-viewer");
  await page.keyboard.press("Escape");
  // Their cluster's pages open; another cluster's do not.
  expect((await page.goto("/clusters/local/brokers"))?.status()).toBe(200);
  await expect(page.getByTestId(/^broker-row-/).first()).toBeVisible();
  expect((await page.goto("/clusters/local-readonly/brokers"))?.status()).toBe(403);
  await context.close();
});

test("a request for another host name (DNS rebinding) is refused with 421 before any handler runs", async ({
  request,
}) => {
  for (const path of ["/api/clusters", "/api/session", "/clusters/local/brokers", "/login"]) {
    const res = await request.get(path, { headers: { host: "evil.example" }, maxRedirects: 0 });
    expect(res.status(), path).toBe(421);
    expect((await res.json()).error.code, path).toBe("misdirected_request");
  }
  const forwarded = await request.get("/api/clusters", { headers: { "x-forwarded-host": "evil.example" } });
  expect(forwarded.status()).toBe(421);
  const setup = await request.post("/api/setup", {
    headers: { host: "evil.example:80" },
    data: { email: "x@evil.example", name: "x", password: "long enough password" },
  });
  expect(setup.status()).toBe(421);
  // Probes answer on any host; Sluice's own loopback address works.
  expect((await request.get("/api/health", { headers: { host: "evil.example" } })).status()).toBe(200);
  expect((await request.get("/api/clusters")).status()).toBe(200);
});

test("sign-in never redirects to another origin", async ({ browser, baseURL, request }) => {
  test.setTimeout(120_000);
  // Signed in: /login sends the user on to `next` only when it is a path of Sluice's own.
  for (const next of ["/%5Cevil.example", "//evil.example", "https://evil.example", "/%2F%2Fevil.example"]) {
    const res = await request.get(`/login?next=${next}`, { maxRedirects: 0 });
    expect(res.status(), next).toBeGreaterThanOrEqual(300);
    expect(res.headers().location, next).toBe("/");
  }
  // Signing in through the form with a hostile `next` lands on Sluice's home page.
  await ensureUser(request, "redirect-viewer@e2e.test", "Redirect Viewer", { local: "viewer" }, []);
  const context = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await page.goto("/login?next=/%5Cevil.example");
  await page.getByTestId("sign-in-email").fill("redirect-viewer@e2e.test");
  await page.getByTestId("sign-in-password").fill(E2E_PASSWORD);
  await page.getByTestId("sign-in-submit").click();
  await expect(page.getByTestId("cluster-card-local")).toBeVisible({ timeout: 30_000 });
  expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
  // better-auth refuses a single sign-on callback URL elsewhere, and accepts Sluice's own path.
  const sso = (callbackURL: string) =>
    context.request.post("/api/auth/sign-in/social", {
      headers: { origin: new URL(baseURL!).origin },
      data: { provider: "oidc", callbackURL },
    });
  expect((await sso("https://evil.example/")).status()).toBe(403);
  expect((await sso("/clusters/local")).status()).toBe(200);
  await context.close();
});

test("pages carry the security headers and still work under the nonce CSP (charts, theme script, shared worker, SSE)", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content.Security.Policy|Refused to/i.test(m.text())) violations.push(m.text());
  });
  const res = await page.goto("/clusters/local");
  const headers = res!.headers();
  const csp = headers["content-security-policy"];
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("same-origin");
  expect(headers["strict-transport-security"]).toBeUndefined(); // http: no HSTS
  const nonce = /'nonce-([^']+)'/.exec(csp)![1];
  expect(await page.locator(`script[nonce]`).count()).toBeGreaterThan(0);
  expect(await res!.text()).toContain(`nonce="${nonce}"`);
  // Live metrics arrive through the shared worker's SSE connection and draw the chart.
  await expect(page.getByTestId(/^broker-row-/).first()).toBeVisible();
  await expect(page.getByTestId("metrics-live-state")).toHaveText("live", { timeout: 20_000 });
  await expect(page.getByTestId("throughput-chart").locator(".recharts-surface").first()).toBeVisible();
  const api = await page.request.get("/api/me");
  expect(api.headers()["x-content-type-options"]).toBe("nosniff");
  expect(api.headers()["content-security-policy"]).toContain("default-src 'none'");
  expect(violations).toEqual([]);
});
