import { expect, test } from "@playwright/test";
import { KafkaFixture } from "../../fixtures/kafka";
import { keepScreenshot } from "../../fixtures/screenshot";
import { TopicsPage } from "../../pages/topics-page";

const kafka = new KafkaFixture();
const prefix = `e2e.many.${Date.now().toString(36)}`;
const COUNT = 130; // more than one page (100)
const names = Array.from({ length: COUNT }, (_, i) => `${prefix}.${String(i).padStart(3, "0")}`);

test.beforeAll(async () => {
  test.setTimeout(90_000);
  await kafka.createTopics(names);
});
test.afterAll(() => kafka.cleanup());

test("the list pages in as you scroll, sorts on the server and keeps its filters in the URL", async ({ page }) => {
  const topics = new TopicsPage(page);
  await topics.gotoList();
  await expect(topics.count).toHaveText(/[\d,]+ topics · [\d,]+ partitions/);
  await keepScreenshot(page, "topics-list");

  await topics.searchFor(prefix);
  // The topics were created behind Sluice's back: the list picks them up on its next metadata refresh (≤ ~12 s).
  await expect(topics.count).toHaveText(`${COUNT} topics · ${COUNT} partitions`, { timeout: 30_000 });
  await expect(topics.row(names[0])).toBeVisible();
  await expect(topics.row(names[COUNT - 1])).toHaveCount(0);

  await test.step("scrolling to the end fetches the next page", async () => {
    const table = page.getByTestId("topic-table");
    for (let i = 0; i < 10 && (await topics.row(names[COUNT - 1]).count()) === 0; i++) {
      await table.evaluate((el) => el.scrollTo(0, el.scrollHeight));
      await page.waitForTimeout(300);
    }
    await expect(topics.row(names[COUNT - 1])).toBeVisible();
  });

  await test.step("sorting by name descending is done by the server and survives a reload", async () => {
    await page.getByTestId("sort-name").click(); // already asc -> desc
    await expect(page).toHaveURL(/dir=desc/);
    await expect(page.getByTestId("topic-table").getByRole("row").nth(1)).toHaveAttribute(
      "data-testid",
      `topic-row-${names[COUNT - 1]}`,
    );
    await page.reload();
    await expect(topics.search).toHaveValue(prefix);
    await expect(page.getByTestId("topic-table").getByRole("row").nth(1)).toHaveAttribute(
      "data-testid",
      `topic-row-${names[COUNT - 1]}`,
    );
  });

  await test.step("a regex search, and a broken regex explained", async () => {
    await page.getByTestId("topics-regex").check();
    await topics.search.fill(`${prefix.replace(/\./g, "\\.")}\\.00[0-4]$`);
    await expect(topics.count).toHaveText("5 topics · 5 partitions");
    await topics.search.fill("([");
    await expect(page.getByTestId("topics-search-error")).toBeVisible();
    await keepScreenshot(page, "topics-bad-regex");
  });

  await test.step("nothing matching shows the empty state; internal topics appear on request", async () => {
    await page.getByTestId("topics-regex").uncheck();
    await topics.search.fill("no-such-topic-anywhere");
    await expect(page.getByText('Nothing matches "no-such-topic-anywhere"')).toBeVisible();
    await keepScreenshot(page, "topics-empty");
    // __consumer_offsets exists once any group has committed; the demo and the integration tests do so.
    test.skip(!(await kafka.topicExists("__consumer_offsets")), "no internal topic on this broker yet");
    await topics.search.fill("__consumer_offsets");
    await expect(page).toHaveURL(/q=__consumer_offsets/);
    await expect(page.getByText("No topic matches")).toBeVisible();
    await page.getByTestId("topics-internal").check();
    await expect(page).toHaveURL(/internal=1/);
    await expect(topics.row("__consumer_offsets")).toContainText("internal");
  });

  await test.step("dark mode", async () => {
    await page.emulateMedia({ colorScheme: "dark" });
    await topics.gotoList("local", `?q=${prefix}`);
    await expect(topics.row(names[0])).toBeVisible();
    await keepScreenshot(page, "topics-list-dark");
  });
});
