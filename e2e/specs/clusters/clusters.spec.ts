import { expect, test } from "@playwright/test";
import { formatNumber } from "../../../lib/format";
import { kcatMetadata } from "../../../test/infra";
import { keepScreenshot } from "../../fixtures/screenshot";
import { ClustersPage } from "../../pages/clusters-page";

test("home shows the live cluster with the broker's counts beside an unreachable one", async ({ page }) => {
  const clusters = new ClustersPage(page);
  await clusters.goto();

  await test.step("the local cluster is online with its real counts", async () => {
    await expect(clusters.status("local")).toHaveText("online");
    const truth = kcatMetadata();
    // The page groups digits ("1,084"); compare the way it formats.
    await expect(clusters.stat("local", "brokers")).toHaveText(formatNumber(truth.brokers.length));
    await expect(clusters.stat("local", "topics")).toHaveText(formatNumber(truth.topics.length));
  });

  await test.step("the offline cluster's card says it is unreachable and why", async () => {
    await expect(clusters.status("offline")).toHaveText("unreachable");
    await expect(clusters.card("offline").getByTestId("cluster-unreachable-reason")).toContainText(
      /connection refused|did not answer/,
    );
  });

  await expect(clusters.card("local-readonly")).toContainText("read-only");
  await keepScreenshot(page, "home-clusters");
});

test("the cluster switcher moves between clusters and the dark theme applies", async ({ page }) => {
  await page.goto("/");
  await page.getByTestId("cluster-switcher").click();
  await page.getByTestId("cluster-switcher-item-local").click();
  await expect(page).toHaveURL(/\/clusters\/local$/);
  await expect(page.getByRole("heading", { name: "Local", exact: true })).toBeVisible();
  await expect(page.getByTestId("broker-row-1")).toBeVisible();
  await keepScreenshot(page, "cluster-overview");

  await page.getByTestId("theme-toggle").click(); // system -> light
  await page.getByTestId("theme-toggle").click(); // light -> dark
  await expect(page.locator("html")).toHaveClass(/dark/);
  await keepScreenshot(page, "cluster-overview-dark");
});

test("an unknown cluster id shows a not-found page with a way back", async ({ page }) => {
  const res = await page.goto("/clusters/does-not-exist");
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  await page.getByRole("link", { name: "Back to clusters" }).click();
  await expect(page.getByRole("heading", { name: "Clusters" })).toBeVisible();
});
