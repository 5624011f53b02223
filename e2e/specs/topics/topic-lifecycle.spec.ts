import { expect, test } from "@playwright/test";
import { KafkaFixture, uniqueTopicName } from "../../fixtures/kafka";
import { keepScreenshot } from "../../fixtures/screenshot";
import { TopicsPage } from "../../pages/topics-page";

const kafka = new KafkaFixture();
test.afterAll(() => kafka.cleanup());

test("create a topic with an override, find it, change its config, add partitions, purge and delete it", async ({
  page,
}) => {
  test.setTimeout(150_000); // nine steps, each waiting on the broker
  const topics = new TopicsPage(page);
  const name = uniqueTopicName("life");
  kafka.track(name);

  await test.step("the create dialog previews the broker's view of the topic, overrides highlighted", async () => {
    await topics.gotoList();
    const d = await topics.fillCreateForm({
      name,
      partitions: 2,
      replicationFactor: 1,
      overrides: [
        ["retention.ms", "3600000"],
        ["cleanup.policy", "compact"],
      ],
    });
    await expect(d.getByText("how long records are kept (-1 = forever)")).toBeVisible();
    await keepScreenshot(page, "topic-create-form");
    await d.getByTestId("create-topic-preview-button").click();
    const preview = d.getByTestId("create-topic-preview");
    await expect(preview.getByTestId("preview-config-retention.ms")).toContainText("3600000");
    await expect(preview.getByTestId("preview-config-retention.ms")).toContainText("override");
    await expect(preview.getByTestId("preview-config-cleanup.policy")).toContainText("compact");
    expect(await kafka.topicExists(name)).toBe(false);
    await keepScreenshot(page, "topic-create-preview");
  });

  await test.step("creating lands on the topic's page", async () => {
    await page.getByTestId("create-topic-submit").click();
    await expect(page).toHaveURL(new RegExp(`/topics/${name.replace(/\./g, "\\.")}$`));
    await expect(topics.stat("partitions")).toHaveText("2");
    await expect(topics.partitionRow(1)).toBeVisible();
    expect(await kafka.topicExists(name)).toBe(true);
  });

  await test.step("the list finds it by search, with its retention shown for people", async () => {
    await topics.gotoList();
    await topics.searchFor(name);
    await expect(topics.row(name)).toContainText("1 h");
    await expect(topics.row(name)).toContainText("compact");
    await expect(topics.count).toHaveText("1 topic · 2 partitions");
    await keepScreenshot(page, "topics-search");
    await page.reload();
    await expect(topics.search).toHaveValue(name);
    await expect(topics.row(name)).toBeVisible();
    await topics.row(name).getByRole("link", { name }).click();
    await expect(page.getByRole("heading", { name })).toBeVisible();
    await keepScreenshot(page, "topic-partitions");
  });

  await test.step("editing a config shows the broker's diff, then applies it", async () => {
    await topics.tab("configuration").click();
    await expect(topics.configRow("retention.ms")).toContainText("overridden");
    await topics.configRow("retention.ms").getByTestId("config-edit-retention.ms").click();
    const d = topics.dialog("config-change-dialog");
    await d.getByTestId("config-value-input").fill("7200000");
    await d.getByTestId("config-preview-button").click();
    await expect(d.getByTestId("config-diff-retention.ms")).toContainText("3600000");
    await expect(d.getByTestId("config-diff-retention.ms")).toContainText("7200000");
    await keepScreenshot(page, "topic-config-diff");
    await d.getByTestId("config-apply-button").click();
    await expect(d).toBeHidden();
    await expect(topics.configRow("retention.ms")).toContainText("7200000");
    await keepScreenshot(page, "topic-configuration");
  });

  await test.step("resetting an override goes through the same diff", async () => {
    await topics.configRow("cleanup.policy").getByTestId("config-reset-cleanup.policy").click();
    const d = topics.dialog("config-change-dialog");
    await expect(d.getByTestId("config-diff-cleanup.policy")).toContainText("compact");
    await d.getByTestId("config-apply-button").click();
    await expect(d).toBeHidden();
    await expect(topics.configRow("cleanup.policy")).toContainText("default");
  });

  await test.step("appending compact to the delete policy previews the merged list, then applies it", async () => {
    await topics.configRow("cleanup.policy").getByTestId("config-edit-cleanup.policy").click();
    const d = topics.dialog("config-change-dialog");
    const op = d.getByTestId("config-op-select");
    // a list config offers append and subtract; reset only where the topic has an override, which it no longer has
    await expect(op.locator("option")).toHaveText(["Set the value", "Append to the list", "Subtract from the list"]);
    await op.selectOption("append");
    await d.getByLabel("Items to append (comma-separated)").fill("compact");
    await keepScreenshot(page, "topic-config-operation");
    await d.getByTestId("config-preview-button").click();
    await expect(d.getByTestId("config-diff-cleanup.policy")).toContainText("default");
    await expect(d.getByTestId("config-diff-cleanup.policy")).toContainText("delete,compact");
    expect((await kafka.describeTopic(name))?.overrides["cleanup.policy"]).toBeUndefined();
    await keepScreenshot(page, "topic-config-append");
    await d.getByTestId("config-apply-button").click();
    await expect(d).toBeHidden();
    await expect(topics.configRow("cleanup.policy")).toContainText("delete,compact");
    await expect(topics.configRow("cleanup.policy")).toContainText("overridden");
    expect((await kafka.describeTopic(name))?.overrides["cleanup.policy"]).toBe("delete,compact");
  });

  await test.step("adding partitions refuses a smaller total, warns about keys, then raises the count", async () => {
    await page.getByTestId("add-partitions-button").click();
    const d = topics.dialog("add-partitions-dialog");
    await d.getByTestId("partition-count-input").fill("2");
    await d.getByTestId("add-partitions-submit").click();
    await expect(d.getByTestId("partition-count-error")).toContainText("larger than the current 2");
    await d.getByTestId("partition-count-input").fill("4");
    await expect(d).toContainText("different partition");
    await keepScreenshot(page, "topic-add-partitions");
    await d.getByTestId("add-partitions-submit").click();
    await expect(d).toBeHidden();
    await expect(topics.stat("partitions")).toHaveText("4");
    await topics.tab("partitions").click();
    await expect(topics.partitionRow(3)).toBeVisible();
  });

  await test.step("purging all partitions reports what was deleted (nothing was produced)", async () => {
    await page.getByTestId("purge-button").click();
    const d = topics.dialog("purge-topic-dialog");
    await d.getByTestId("purge-mode-partitions").click();
    await d.getByTestId("purge-partition-0").check();
    await keepScreenshot(page, "topic-purge-partitions");
    await d.getByTestId("purge-mode-all").click();
    await d.getByTestId("purge-submit").click();
    await expect(d.getByTestId("purge-total")).toHaveText("0");
    await expect(d.getByTestId("purge-result-3")).toBeVisible();
    await keepScreenshot(page, "topic-purge-result");
    await d.getByTestId("purge-done").click();
    await expect(d).toBeHidden();
  });

  await test.step("delete needs the exact name typed, then returns to the list", async () => {
    await page.getByTestId("delete-topic-button").click();
    const d = topics.dialog("delete-topic-dialog");
    const confirm = d.getByTestId("confirm-delete-button");
    await expect(confirm).toBeDisabled();
    await d.getByTestId("confirm-delete-input").fill(name.slice(0, -1));
    await expect(confirm).toBeDisabled();
    await d.getByTestId("confirm-delete-input").fill(name);
    await keepScreenshot(page, "topic-delete");
    await confirm.click();
    await expect(page).toHaveURL(/\/clusters\/local\/topics$/);
    await topics.searchFor(name);
    await expect(topics.row(name)).toHaveCount(0);
    expect(await kafka.topicExists(name)).toBe(false);
  });
});
