import { expect, test, type Page } from "@playwright/test";
import { KafkaFixture, uniqueTopicName } from "../../fixtures/kafka";
import { RecordsFixture } from "../../fixtures/records";
import { keepScreenshot } from "../../fixtures/screenshot";

const kafka = new KafkaFixture();
const records = new RecordsFixture();
const topic = uniqueTopicName("messages-url");
const messagesPath = `/clusters/local/topics/${encodeURIComponent(topic)}/messages`;

test.beforeAll(async () => {
  await kafka.createTopics([topic], 3);
  await records.send(
    topic,
    Array.from({ length: 30 }, (_, i) => ({
      key: `order-${i}`,
      value: JSON.stringify({ orderId: `A-${i}` }),
      partition: i % 3,
    })),
  );
});
test.afterAll(async () => {
  await records.close();
  await kafka.cleanup();
});

/** The range, formats and search filter this spec sets, then expects back. */
async function expectView(page: Page) {
  await expect(page.getByTestId("messages-tab-search")).toHaveAttribute("aria-selected", "true");
  await expect(page.getByTestId("msg-start")).toHaveValue("offset");
  await expect(page.getByTestId("msg-offset")).toHaveValue("3");
  await expect(page.getByTestId("msg-partitions")).toHaveValue("1");
  await expect(page.getByTestId("msg-key-format")).toHaveValue("string");
  await expect(page.getByTestId("msg-value-format")).toHaveValue("json");
  await expect(page.getByTestId("msg-q")).toHaveValue("order-1.");
  await expect(page.getByTestId("msg-regex")).toBeChecked();
  await expect(page.getByTestId("msg-in-key")).toBeChecked();
  await expect(page.getByTestId("msg-in-value")).not.toBeChecked();
  await expect(page.getByTestId("msg-in-headers")).not.toBeChecked();
  await expect(page.getByTestId("msg-cel")).toHaveValue("partition == 1");
}

test("the range, formats and search filter live in the URL: a reload and a shared link show the same view", async ({
  page,
  context,
}) => {
  await page.goto(messagesPath);
  await page.getByTestId("msg-limit").selectOption("20");
  await page.getByTestId("msg-start").selectOption("offset");
  await page.getByTestId("msg-offset").fill("3");
  await page.getByTestId("msg-partitions").fill("1");
  await page.getByTestId("msg-key-format").selectOption("string");
  await page.getByTestId("msg-value-format").selectOption("json");
  await page.getByTestId("messages-tab-search").click();
  await page.getByTestId("msg-q").fill("order-1.");
  await page.getByTestId("msg-regex").check();
  await page.getByTestId("msg-in-value").uncheck();
  await page.getByTestId("msg-in-headers").uncheck();
  await page.getByTestId("msg-cel").fill("partition == 1");
  await expect(page).toHaveURL(/cel=partition/);
  await expectView(page);

  await page.reload();
  await expectView(page);
  await page.getByTestId("search-run").click();
  // Partition 1 holds order-1, -4, -7, -10, …, -28; from its offset 3 on, order-10, -13, -16 and -19 match.
  await expect(page.getByTestId("search-progress")).toContainText("matched 4 · done");
  await keepScreenshot(page, "messages-url-state");

  const shared = await context.newPage();
  await shared.goto(page.url());
  await expectView(shared);
  await shared.getByTestId("messages-tab-browse").click();
  await expect(shared.getByTestId("msg-limit")).toHaveValue("20");
  await expect(shared.getByTestId("browse-summary")).toContainText("7 records");

  // Back to the defaults: nothing of the view is left in the URL.
  await page.goto(messagesPath);
  await expect(page).toHaveURL(/\/messages$/);
  await expect(page.getByTestId("msg-start")).toHaveValue("newest");
});

test("malformed or hostile view parameters fall back to the defaults", async ({ page }) => {
  const hostile = new URLSearchParams({
    mode: "<script>",
    start: "sideways",
    limit: "7",
    keyFormat: "rot13",
    valueFormat: "",
    in: "key,password",
    from: "2026-99-99T99:99",
    regex: "maybe",
    partitions: "x".repeat(5_000),
  });
  await page.goto(`${messagesPath}?${hostile}`);
  await expect(page.getByTestId("messages-tab-browse")).toHaveAttribute("aria-selected", "true");
  await expect(page.getByTestId("msg-start")).toHaveValue("newest");
  await expect(page.getByTestId("msg-limit")).toHaveValue("50");
  await expect(page.getByTestId("msg-key-format")).toHaveValue("auto");
  await expect(page.getByTestId("msg-partitions")).toHaveValue("");
  await expect(page.getByTestId("browse-summary")).toContainText("30 records, newest first");

  await page.goto(`${messagesPath}?${new URLSearchParams({ mode: "search", from: "2026-99-99T99:99", in: "x" })}`);
  await expect(page.getByTestId("msg-from")).toHaveValue("");
  await expect(page.getByTestId("msg-in-headers")).toBeChecked();
});
