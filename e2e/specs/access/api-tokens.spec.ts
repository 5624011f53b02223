import { expect, request, test } from "@playwright/test";
import { keepScreenshot } from "../../fixtures/screenshot";

test("an admin creates an API token (shown once, copied), a script uses it with its roles only, then the admin revokes it", async ({
  page,
  context,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const name = `e2e-ci-${Date.now().toString(36)}`;
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("/access");
  await expect(page.getByTestId("tokens-table")).toBeVisible({ timeout: 30_000 });
  await keepScreenshot(page, "access-api-tokens-before");
  await page.getByTestId("token-add").click();
  const dialog = page.getByTestId("token-dialog");
  await dialog.getByTestId("token-name").fill(name);
  await dialog.getByTestId("token-role-*").selectOption("");
  await dialog.getByTestId("token-role-local").selectOption("viewer");
  await dialog.getByTestId("token-days").selectOption("30");
  await dialog.getByTestId("token-save").click();
  const secret = (await dialog.getByTestId("token-secret").textContent())!.trim();
  expect(secret).toMatch(/^sluice_/);
  await dialog.getByTestId("token-copy").click();
  await expect(dialog.getByTestId("token-copy")).toContainText("Copied");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
  await keepScreenshot(page, "access-api-token-created");
  await dialog.getByTestId("token-done").click();
  await expect(page.getByTestId(`token-row-${name}`)).toContainText("local: viewer");
  await expect(page.getByTestId(`token-row-${name}`)).toContainText("active");
  await expect(page.getByTestId("tokens-table")).not.toContainText(secret);

  // A script: no cookie, only the bearer token.
  const script = await request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${secret}` } });
  expect((await script.get("/api/clusters/local/topics")).status()).toBe(200);
  expect(
    (
      await script.post("/api/clusters/local/topics?dryRun=true", {
        data: { name: `e2e.tok.${name}`, partitions: 1, replicationFactor: 1 },
      })
    ).status(),
  ).toBe(403);

  await page.getByTestId(`token-revoke-${name}`).click();
  await expect(page.getByTestId(`token-row-${name}`)).toContainText("revoked");
  await keepScreenshot(page, "access-api-tokens");
  const refused = await script.get("/api/clusters/local/topics");
  expect(refused.status()).toBe(401);
  expect((await refused.json()).error.message).toContain("revoked");
  await script.dispose();
});
