import { expect, test, type Page } from "@playwright/test";
import { KafkaFixture, uniqueTopicName } from "../../fixtures/kafka";
import { RecordsFixture } from "../../fixtures/records";
import { keepScreenshot } from "../../fixtures/screenshot";

const kafka = new KafkaFixture();
const records = new RecordsFixture();
const topic = uniqueTopicName("messages");

test.beforeAll(async () => {
  await kafka.createTopics([topic], 3);
  const orders = Array.from({ length: 60 }, (_, i) => ({
    key: `order-${i}`,
    value: JSON.stringify({
      orderId: i === 42 ? "X-42" : `A-${i}`,
      amount: i * 10,
      customer: { tier: i % 2 ? "gold" : "basic" },
    }),
    headers: { source: "e2e", trace: `t-${i}` },
    partition: i % 3,
  }));
  await records.send(topic, orders);
});
test.afterAll(async () => {
  await records.close();
  await kafka.cleanup();
});

const open = (page: Page) => page.goto(`/clusters/local/topics/${encodeURIComponent(topic)}/messages`);

test("browse newest first, page to older records, open one record with its decoded JSON and headers", async ({
  page,
}) => {
  await page.goto(`/clusters/local/topics/${encodeURIComponent(topic)}`);
  await page.getByTestId("topic-messages-link").click();
  await expect(page).toHaveURL(/\/messages$/);
  const table = page.getByTestId("message-table");
  await expect(page.getByTestId("browse-summary")).toContainText("50 records, newest first");
  await expect(table.getByRole("row").filter({ hasText: "order-59" })).toBeVisible();
  await page.getByTestId("browse-next").click();
  await expect(page.getByTestId("browse-summary")).toContainText("10 records");
  await expect(table.getByRole("row").filter({ hasText: "order-0" })).toBeVisible();
  await expect(page.getByTestId("browse-next")).toBeDisabled();
  await page.getByTestId("browse-prev").click();
  await expect(page.getByTestId("browse-summary")).toContainText("50 records");

  await table.getByRole("row").filter({ hasText: "order-58" }).click();
  const detail = page.getByTestId("message-detail");
  await expect(detail.getByTestId("message-detail-value-encoding")).toHaveText("json");
  await expect(detail.getByTestId("message-detail-value-text")).toContainText('"orderId": "A-58"');
  await expect(detail.getByTestId("message-detail-headers")).toContainText("t-58");
  await keepScreenshot(page, "messages-browse");
});

test("produce a record from the dialog and find it at the top of the newest page", async ({ page }) => {
  await open(page);
  await page.getByTestId("produce-button").click();
  const dialog = page.getByTestId("produce-dialog");
  await dialog.getByTestId("produce-key-data").fill("from-the-ui");
  await dialog.getByTestId("produce-value-data").fill('{"orderId": "UI-1", "amount": 7}');
  await dialog.getByTestId("produce-add-header").click();
  await dialog.getByTestId("produce-header-key-0").fill("origin");
  await dialog.getByTestId("produce-header-value-0").fill("sluice-ui");
  await dialog.getByTestId("produce-partition").selectOption("1");
  await dialog.getByTestId("produce-compression").selectOption("lz4");
  await dialog.getByTestId("produce-submit").click();
  await expect(dialog.getByTestId("produce-result")).toHaveText(/Written to partition 1 at offset 20\./);
  await keepScreenshot(page, "messages-produce");
  await page.keyboard.press("Escape");
  const row = page.getByTestId("message-table").getByRole("row").filter({ hasText: "from-the-ui" });
  await expect(row).toBeVisible();
  await expect(row).toContainText("lz4");

  // Bad input: the server's field error shows under the field; nothing is written.
  await page.getByTestId("produce-button").click();
  await dialog.getByTestId("produce-value-data").fill("{not json");
  await dialog.getByTestId("produce-submit").click();
  await expect(dialog.getByTestId("produce-error")).toContainText("not valid JSON");
});

test("search with text and CEL: progress, the matches, and a clear error for invalid CEL", async ({ page }) => {
  await open(page);
  await page.getByTestId("messages-tab-search").click();
  await page.getByTestId("msg-cel").fill('value.orderId == "X-42" || value.amount == 100');
  await page.getByTestId("search-run").click();
  await expect(page.getByTestId("search-progress")).toContainText(/Scanned 6[01], matched 2 · done/);
  const table = page.getByTestId("message-table");
  await expect(table.getByRole("row").filter({ hasText: "order-42" })).toBeVisible();
  await expect(table.getByRole("row").filter({ hasText: "order-10" })).toBeVisible();
  await keepScreenshot(page, "messages-search");

  await page.getByTestId("msg-cel").fill("value.amount >");
  await page.getByTestId("search-run").click();
  await expect(page.getByTestId("search-error")).toContainText(/Invalid CEL expression at line 1, column \d+/);
});

test("live tail shows records produced after it started, in several tabs at once", async ({ page, context }) => {
  // Eight tabs: more than the browser's six connections per origin; they share one stream.
  test.setTimeout(150_000);
  const tabs = [page, ...(await Promise.all(Array.from({ length: 7 }, () => context.newPage())))];
  for (const t of tabs) {
    await open(t);
    await t.getByTestId("messages-tab-live").click();
    await t.getByTestId("live-toggle").click();
  }
  for (const t of tabs) await expect(t.getByTestId("live-state")).toHaveText("live", { timeout: 15_000 });
  await records.send(topic, [{ key: "live-1", value: '{"live": true}' }]);
  for (const t of tabs) {
    await expect(t.getByTestId("message-table").getByRole("row").filter({ hasText: "live-1" })).toBeVisible({
      timeout: 15_000,
    });
  }
  await expect(page.getByTestId("live-counts")).toContainText("1 received");
  await keepScreenshot(page, "messages-live");

  await page.getByTestId("live-pause").click();
  await records.send(topic, [{ key: "live-2", value: "while paused" }]);
  await expect(page.getByTestId("live-resume")).toContainText("1 new", { timeout: 15_000 });
  await page.getByTestId("live-resume").click();
  await expect(page.getByTestId("message-table").getByRole("row").filter({ hasText: "live-2" })).toBeVisible();
});

test("a schema registered through Sluice encodes a produced record, and browsing decodes it with the schema id", async ({
  page,
  request,
}) => {
  const avroTopic = uniqueTopicName("messages-avro");
  await kafka.createTopics([avroTopic], 1);
  const subject = `${avroTopic}-value`;
  const registered = await request.post(
    `/api/clusters/local/schemas/subjects/${encodeURIComponent(subject)}/versions`,
    {
      data: {
        schemaType: "AVRO",
        schema: JSON.stringify({
          type: "record",
          name: "Payment",
          fields: [
            { name: "id", type: "string" },
            { name: "amount", type: "double" },
          ],
        }),
      },
    },
  );
  expect(registered.status()).toBe(201);
  const { id } = await registered.json();
  try {
    await page.goto(`/clusters/local/topics/${encodeURIComponent(avroTopic)}/messages`);
    await page.getByTestId("produce-button").click();
    const dialog = page.getByTestId("produce-dialog");
    await dialog.getByTestId("produce-value-format").selectOption("schema");
    await expect(dialog.getByTestId("produce-value-subject")).toHaveValue(subject);
    await dialog.getByTestId("produce-value-data").fill('{"id": "P-7", "amount": 12.5}');
    await dialog.getByTestId("produce-submit").click();
    await expect(dialog.getByTestId("produce-result")).toContainText("offset 0");
    // A payload the schema does not accept is refused with the reason.
    await dialog.getByTestId("produce-value-data").fill('{"id": 7}');
    await dialog.getByTestId("produce-submit").click();
    await expect(dialog.getByTestId("produce-error")).toContainText("does not match schema");
    await page.keyboard.press("Escape");
    await page.getByTestId("message-row-0-0").click();
    const detail = page.getByTestId("message-detail");
    await expect(detail.getByTestId("message-detail-value-encoding")).toHaveText("avro");
    await expect(detail).toContainText(`schema id ${id}`);
    await expect(detail.getByTestId("message-detail-value-text")).toContainText('"amount": 12.5');
    await keepScreenshot(page, "messages-avro");
  } finally {
    await request.delete(`/api/clusters/local/schemas/subjects/${encodeURIComponent(subject)}`);
    await request.delete(`/api/clusters/local/schemas/subjects/${encodeURIComponent(subject)}?permanent=true`);
  }
});
