import { expect, test } from "@playwright/test";
import { KafkaFixture, uniqueTopicName } from "../../fixtures/kafka";
import { RecordsFixture } from "../../fixtures/records";
import { keepScreenshot } from "../../fixtures/screenshot";

const kafka = new KafkaFixture();
const records = new RecordsFixture();
const source = uniqueTopicName("replay-src");
const dest = uniqueTopicName("replay-dst");
const dlt = uniqueTopicName("replay-dlt");
const original = uniqueTopicName("replay-orig");

test.beforeAll(async () => {
  await kafka.createTopics([source, dest, dlt, original], 1);
  await records.send(
    source,
    Array.from({ length: 120 }, (_, i) => ({
      key: `order-${i}`,
      value: JSON.stringify({ n: i, kind: i % 2 ? "refund" : "order" }),
      headers: { trace: `t-${i}` },
    })),
  );
  await records.send(dlt, [
    {
      key: "failed-1",
      value: '{"n":1}',
      headers: { "__connect.errors.topic": original, "__connect.errors.exception.message": "boom" },
    },
    {
      key: "failed-2",
      value: '{"n":2}',
      headers: { "__connect.errors.topic": original, "__connect.errors.exception.message": "boom" },
    },
  ]);
});
test.afterAll(async () => {
  await records.close();
  await kafka.cleanup();
});

test("copy filtered records to another topic: dry run count and sample, then a rate-limited job with live progress", async ({
  page,
}) => {
  await page.goto(`/clusters/local/topics/${encodeURIComponent(source)}/messages`);
  await page.getByTestId("replay-button").click();
  const dialog = page.getByTestId("replay-dialog");
  await dialog.getByTestId("replay-dest-topic").fill(dest);
  await dialog.getByTestId("replay-q").fill("refund");
  await dialog.getByTestId("replay-rate").fill("30");
  await dialog.getByTestId("replay-dry-run").click();
  await expect(dialog.getByTestId("replay-count")).toHaveText("60");
  await expect(dialog.getByTestId("replay-dry-run-result").getByRole("row")).toHaveCount(11);
  await dialog.getByTestId("replay-start").click();
  const progress = dialog.getByTestId("replay-progress");
  await expect(progress).toHaveAttribute("data-state", "running");
  await expect(progress.getByTestId("replay-counts")).toContainText(/[1-9]\d* written/, { timeout: 10_000 });
  await keepScreenshot(page, "replay-progress");
  await expect(progress).toHaveAttribute("data-state", "done", { timeout: 20_000 });
  await expect(progress.getByTestId("replay-counts")).toContainText("60 written");
});

test("redrive a dead-letter topic to the original topic named in the Kafka Connect header", async ({ page }) => {
  await page.goto(`/clusters/local/topics/${encodeURIComponent(dlt)}/messages`);
  await page.getByTestId("replay-button").click();
  const dialog = page.getByTestId("replay-dialog");
  await dialog.getByTestId("replay-kind").selectOption("redrive");
  await dialog.getByTestId("replay-dry-run").click();
  await expect(dialog.getByTestId("replay-dry-run-result")).toContainText(
    `2 record(s) would be written to ${original} (2)`,
  );
  await dialog.getByTestId("replay-start").click();
  await expect(dialog.getByTestId("replay-progress")).toHaveAttribute("data-state", "done", { timeout: 20_000 });
  await keepScreenshot(page, "replay-redrive-done");
  await page.goto(`/clusters/local/topics/${encodeURIComponent(original)}/messages`);
  await expect(page.getByTestId("message-table").getByRole("row").filter({ hasText: "failed-2" })).toBeVisible();
});
