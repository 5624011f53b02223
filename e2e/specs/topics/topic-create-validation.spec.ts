import { expect, test } from "@playwright/test";
import { KafkaFixture, uniqueTopicName } from "../../fixtures/kafka";
import { keepScreenshot } from "../../fixtures/screenshot";
import { TopicsPage } from "../../pages/topics-page";

const kafka = new KafkaFixture();
test.afterAll(() => kafka.cleanup());

test("the create dialog explains a bad name and a bad value before asking the broker", async ({ page }) => {
  const topics = new TopicsPage(page);
  await topics.gotoList();
  const d = await topics.fillCreateForm({ name: "bad name!", overrides: [["retention.ms", "soon"]] });
  await d.getByTestId("create-topic-preview-button").click();
  await expect(d.getByTestId("topic-name-error")).toHaveText("use only letters, digits, '.', '_' and '-'");
  await expect(d.getByTestId("override-error-0")).toContainText("retention.ms must be a whole number");
  await expect(d.getByTestId("create-topic-preview")).toHaveCount(0);
  await keepScreenshot(page, "topic-create-invalid");
});

test("a replication factor above the broker count shows the server's message in the dialog", async ({ page }) => {
  const topics = new TopicsPage(page);
  const name = uniqueTopicName("rf");
  kafka.track(name);
  await topics.gotoList();
  const d = await topics.fillCreateForm({ name, partitions: 1, replicationFactor: 5 });
  await d.getByTestId("create-topic-preview-button").click();
  const error = d.getByTestId("create-topic-error");
  await expect(error).toContainText(`Could not validate ${name}:`);
  await expect(error).toContainText(/replication factor|broker/i);
  await expect(d.getByTestId("topic-name-input")).toBeVisible();
  await keepScreenshot(page, "topic-create-rf-error");
  expect(await kafka.topicExists(name)).toBe(false);
});

test("creating a name that already exists shows the conflict", async ({ page }) => {
  const topics = new TopicsPage(page);
  const name = uniqueTopicName("dup");
  await kafka.createTopics([name]);
  await topics.gotoList();
  const d = await topics.fillCreateForm({ name, partitions: 1, replicationFactor: 1 });
  await d.getByTestId("create-topic-preview-button").click();
  await expect(d.getByTestId("create-topic-error")).toContainText(/already exists/i);
});
