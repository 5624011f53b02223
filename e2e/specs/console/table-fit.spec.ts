import { expect, test, type Locator, type Page } from "@playwright/test";
import { kcatMetadata } from "../../../test/infra";
import { keepScreenshot, SCREEN_SIZES } from "../../fixtures/screenshot";

/** The table's scroll box is no wider than its content: nothing hides past its right edge. */
async function expectNoSidewaysScroll(box: Locator) {
  await expect.poll(() => box.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
}

async function atEachSize(page: Page, check: (width: number) => Promise<void>) {
  for (const size of SCREEN_SIZES) {
    await page.setViewportSize(size);
    await check(size.width);
  }
}

test("the broker config table fits the window at 1440 and 1024 px, its Edit buttons in view", async ({ page }) => {
  const node = kcatMetadata().brokers[0].id;
  await page.goto(`/clusters/local/brokers/${node}`);
  const table = page.getByTestId("broker-config-table");
  const edit = table.locator('[data-testid^="config-edit-"]').first();
  await expect(edit).toBeVisible();
  await atEachSize(page, async (width) => {
    await expectNoSidewaysScroll(table.locator(".overflow-auto"));
    await edit.scrollIntoViewIfNeeded();
    await expect(edit).toBeInViewport({ ratio: 1 });
    await keepScreenshot(page, `broker-configs-fit-${width}`);
  });
  // without a Dynamic column, a key that needs a restart says so where the Edit button would be
  await table.getByTestId("broker-config-table-search").fill("node.id");
  await expect(table.getByTestId("config-row-node.id")).toContainText("read-only");
  await expect(table.getByTestId("config-edit-node.id")).toHaveCount(0);
});

test("the consumer-group table fits the window at 1440 and 1024 px, topics still shown", async ({ page }) => {
  await page.goto("/clusters/local/consumer-groups?q=preload.g00");
  const table = page.getByTestId("group-table");
  const firstRow = table.getByTestId("group-row-preload.g000");
  await expect(firstRow).toBeVisible();
  await atEachSize(page, async (width) => {
    await expectNoSidewaysScroll(table);
    await expect(firstRow.getByTestId("group-cell-maxLagSeconds")).toBeInViewport({ ratio: 1 });
    // the Topics column folds under the group id below 1280 px; either way the topics stay on screen
    const topics =
      width >= 1280 ? firstRow.getByTestId("group-cell-topics") : firstRow.getByTestId("group-topics-inline");
    await expect(topics).toBeVisible();
    await keepScreenshot(page, `groups-fit-${width}`);
  });
});

test("the requests and service-principal pages never scroll sideways: below 1280 px the policy card goes under the table", async ({
  page,
}) => {
  for (const path of ["/clusters/local/requests", "/clusters/local/principals"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await atEachSize(page, async () => {
      await expect
        .poll(() => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth))
        .toBeLessThanOrEqual(0);
    });
  }
});
