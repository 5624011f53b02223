import { expect, test } from "@playwright/test";
import { kcatMetadata } from "../../../test/infra";
import { keepScreenshot } from "../../fixtures/screenshot";

test("brokers page lists the broker and its configuration is searchable", async ({ page }) => {
  const truth = kcatMetadata();
  const broker = truth.brokers[0];
  await page.goto("/clusters/local/brokers");
  const row = page.getByTestId(`broker-row-${broker.id}`);
  await expect(row).toContainText(broker.name);
  await expect(row).toContainText("active controller");
  await keepScreenshot(page, "brokers");

  await row.getByRole("link", { name: String(broker.id) }).click();
  await expect(page.getByRole("heading", { name: `Broker ${broker.id}` })).toBeVisible();
  await page.getByTestId("broker-config-table-search").fill("offsets.topic.num");
  await expect(page.getByTestId("config-row-offsets.topic.num.partitions")).toContainText("static broker config");
  await expect(page.getByTestId("broker-config-table-count")).toHaveText(/^1 of \d+ rows$/);
  await keepScreenshot(page, "broker-configs-search");

  await page.getByTestId("broker-config-table-search").fill("password");
  await expect(page.getByTestId("config-row-ssl.keystore.password")).toBeVisible();
  await keepScreenshot(page, "broker-configs-sensitive");
});

test("the brokers page of an unreachable cluster explains the failure and offers a retry", async ({ page }) => {
  await page.goto("/clusters/offline/brokers");
  const error = page.getByTestId("error-state");
  await expect(error).toContainText("Could not load brokers");
  await expect(error).toContainText(/unreachable|did not answer/);
  await expect(error.getByRole("button", { name: "Retry" })).toBeVisible();
  await keepScreenshot(page, "brokers-unreachable");
});
