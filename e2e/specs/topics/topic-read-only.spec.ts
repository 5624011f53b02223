import { expect, test } from "@playwright/test";
import { KafkaFixture, uniqueTopicName } from "../../fixtures/kafka";
import { keepScreenshot } from "../../fixtures/screenshot";
import { TopicsPage } from "../../pages/topics-page";

const kafka = new KafkaFixture();
const name = uniqueTopicName("ro");
test.beforeAll(() => kafka.createTopics([name], 2));
test.afterAll(() => kafka.cleanup());

test("a read-only cluster shows its topics but disables every change, saying why", async ({ page }) => {
  const topics = new TopicsPage(page);
  await topics.gotoList("local-readonly", `?q=${name}`);
  // Created outside Sluice: it appears on the list's next metadata refresh (≤ ~12 s).
  await expect(topics.row(name)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("create-topic-button")).toBeDisabled();
  await page.getByTestId("create-topic-button").hover({ force: true });
  await expect(page.getByRole("tooltip")).toContainText("read-only");
  await keepScreenshot(page, "topics-read-only");

  await topics.row(name).getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { name })).toBeVisible();
  for (const id of [
    "add-partitions-button",
    "purge-button",
    "delete-topic-button",
    "reassign-button",
    "elect-leaders-button",
  ]) {
    await expect(page.getByTestId(id)).toBeDisabled();
  }
  await topics.tab("configuration").click();
  await expect(page.getByTestId("add-override-button")).toBeDisabled();
  await expect(page.getByTestId("config-edit-retention.ms")).toBeDisabled();
  await keepScreenshot(page, "topic-read-only");
});
