import { expect, test } from "@playwright/test";
import { OIDC } from "../../fixtures/oidc-provider";
import { keepScreenshot } from "../../fixtures/screenshot";

test("single sign-on: a new user signs in through the OpenID provider and joins the team mapped from their IdP group", async ({
  browser,
  baseURL,
  request,
}) => {
  const u = Date.now().toString(36);
  const team = `e2e-idp-${u}`;
  const created = await request.post("/api/teams", {
    data: { name: team, prefixes: [`e2e.idp${u}.`], oidcGroup: OIDC.group },
  });
  expect(created.status()).toBe(201);

  const ctx = await browser.newContext({
    baseURL,
    storageState: { cookies: [], origins: [] },
    viewport: { width: 1440, height: 900 },
  });
  const page = await ctx.newPage();
  await page.goto("/login");
  await keepScreenshot(page, "sign-in");
  await page.getByTestId("sign-in-sso").click();
  // The provider's own login and consent pages.
  await page.waitForURL(new RegExp(`127\\.0\\.0\\.1:${OIDC.port}/interaction/`));
  await page.locator('input[name="login"]').fill(`idp-user-${u}`);
  await page.locator('input[name="password"]').fill("anything");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.getByRole("button", { name: "Continue" }).click();

  await expect(page.getByTestId("user-name")).toHaveText(`IdP idp-user-${u}`, { timeout: 15_000 });
  const me = await (await page.request.get("/api/me")).json();
  expect(me).toMatchObject({ email: `idp-user-${u}@idp.test`, roles: { "*": "viewer" } });
  expect(me.teams.map((t: { name: string }) => t.name)).toContain(team);
  await keepScreenshot(page, "sign-in-sso-done");
  await ctx.close();
});
