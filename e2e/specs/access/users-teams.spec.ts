import { expect, test } from "@playwright/test";
import { contextAs, E2E_PASSWORD } from "../../fixtures/accounts";
import { keepScreenshot } from "../../fixtures/screenshot";

test("an admin adds a team and a user in the UI; role changes and deactivation apply to the user's next page", async ({
  page,
  browser,
  baseURL,
}) => {
  // Two people, several saves and reloads: more than the default budget on a busy host.
  test.setTimeout(120_000);
  const u = Date.now().toString(36);
  const team = `e2e-ops-${u}`;
  const email = `olga-${u}@e2e.test`;

  await page.goto("/access");
  await page.getByTestId("team-add").click();
  await page.getByTestId("team-name").fill(team);
  await page.getByTestId("team-prefixes").fill(`e2e.ops${u}.`);
  await page.getByTestId("team-save").click();
  await expect(page.getByTestId(`team-row-${team}`)).toContainText(`e2e.ops${u}.`);

  await page.getByTestId("user-add").click();
  const dialog = page.getByTestId("user-dialog");
  await dialog.getByTestId("user-email").fill(email);
  await dialog.getByTestId("user-name-input").fill("Olga Ops");
  await dialog.getByTestId("user-password").fill(E2E_PASSWORD);
  await dialog.getByTestId("user-role-*").selectOption("viewer");
  await dialog.getByTestId(`user-team-${team}`).check();
  await dialog.getByTestId("user-save").click();
  await expect(page.getByTestId(`user-row-${email}`)).toContainText("all clusters: viewer");
  await keepScreenshot(page, "access-users-teams");

  const olgaCtx = await contextAs(browser, baseURL!, email);
  const olga = await olgaCtx.newPage();
  await olga.goto("/clusters/local/topics");
  await expect(olga.getByTestId("create-topic-button")).toBeDisabled();
  const dry = (name: string) =>
    olgaCtx.request.post("/api/clusters/local/topics?dryRun=true", {
      data: { name, partitions: 1, replicationFactor: 1 },
    });
  expect((await dry(`e2e.ops${u}.events`)).status()).toBe(403);

  await page.getByTestId(`user-row-${email}`).getByTestId("user-edit").click();
  await page.getByTestId("user-dialog").getByTestId("user-role-local").selectOption("operator");
  await page.getByTestId("user-dialog").getByTestId("user-save").click();
  await expect(page.getByTestId(`user-row-${email}`)).toContainText("local: operator");

  await olga.reload();
  await expect(olga.getByTestId("create-topic-button")).toBeEnabled();
  expect((await dry(`e2e.ops${u}.events`)).status()).toBe(200);
  const outside = await dry(`e2e.elsewhere.${u}`);
  expect(outside.status()).toBe(403);
  expect((await outside.json()).error.message).toContain("not owned by your teams");

  await page.getByTestId(`user-row-${email}`).getByTestId("user-edit").click();
  await page.getByTestId("user-dialog").getByTestId("user-active").uncheck();
  await page.getByTestId("user-dialog").getByTestId("user-save").click();
  await expect(page.getByTestId(`user-row-${email}`)).toContainText("deactivated");
  await olga.reload();
  await expect(olga).toHaveURL(/\/login/);
  await olgaCtx.close();
});
