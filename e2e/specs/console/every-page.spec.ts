import { expect, test, type Page } from "@playwright/test";
import { KafkaFixture, uniqueTopicName } from "../../fixtures/kafka";
import { RecordsFixture } from "../../fixtures/records";
import { RegistryFixture, uniqueSubjectName } from "../../fixtures/registry";
import { keepScreenshots } from "../../fixtures/screenshot";

const kafka = new KafkaFixture();
const records = new RecordsFixture();
const registry = new RegistryFixture();
test.afterAll(async () => {
  await records.close();
  await kafka.cleanup();
});

/** Waits until the page has settled: no spinner, no "Loading…" text left. */
async function settled(page: Page) {
  await expect(page.locator("main")).toBeVisible();
  await expect(page.getByText(/^Loading/)).toHaveCount(0, { timeout: 15_000 });
}

/**
 * Every page of the console, light and dark, at 1440×900 and 1024×768 (e2e/screenshots/page-*.png), to be looked at
 * by a person after a change to the look. One visit per page; the four variants are taken from it.
 */
test("every page, in both themes and both window sizes", async ({ page }) => {
  test.setTimeout(900_000);
  const topic = uniqueTopicName("pages");
  await kafka.createTopics([topic], 2);
  await records.send(
    topic,
    Array.from({ length: 30 }, (_, i) => ({
      key: `order-${i}`,
      value: JSON.stringify({ id: i, sku: "mug-blue", quantity: 1 + (i % 3) }),
    })),
  );
  const subject = uniqueSubjectName("pages");
  await registry.register(
    subject,
    JSON.stringify({ type: "record", name: "Order", fields: [{ name: "id", type: "int" }] }),
  );
  const groups = (await (await page.request.get("/api/clusters/local/consumer-groups")).json()) as {
    items?: { groupId: string }[];
  };
  const group = groups.items?.[0]?.groupId;

  const pages: [string, string][] = [
    ["home", "/"],
    ["overview", "/clusters/local"],
    ["brokers", "/clusters/local/brokers"],
    ["broker", "/clusters/local/brokers/1"],
    ["topics", "/clusters/local/topics"],
    ["topic", `/clusters/local/topics/${encodeURIComponent(topic)}`],
    ["messages", `/clusters/local/topics/${encodeURIComponent(topic)}/messages`],
    ["groups", "/clusters/local/consumer-groups"],
    ...(group
      ? ([["group", `/clusters/local/consumer-groups/${encodeURIComponent(group)}`]] as [string, string][])
      : []),
    ["schemas", "/clusters/local/schemas"],
    ["subject", `/clusters/local/schemas/${encodeURIComponent(subject)}`],
    ["requests", "/clusters/local/requests"],
    ["access", "/access"],
    ["audit", "/audit"],
    ["api-docs", "/api-docs"],
    ["read-only-topic", `/clusters/local-readonly/topics/${encodeURIComponent(topic)}`],
  ];
  for (const [name, url] of pages) {
    await page.goto(url);
    await settled(page);
    if (name === "messages") await expect(page.getByTestId("message-table").getByRole("row")).not.toHaveCount(1);
    await keepScreenshots(page, `page-${name}`);
  }
  await page.context().clearCookies();
  await page.goto("/login");
  await keepScreenshots(page, "page-login");
});
