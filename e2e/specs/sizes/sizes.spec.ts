import { execFileSync } from "node:child_process";
import { expect, test } from "@playwright/test";
import { formatBytes } from "../../../lib/format";
import { BOOTSTRAP, kcatMetadata } from "../../../test/infra";
import { KafkaFixture } from "../../fixtures/kafka";
import { keepScreenshot, keepScreenshots } from "../../fixtures/screenshot";
import { TopicsPage } from "../../pages/topics-page";

const kafka = new KafkaFixture();
const prefix = `e2e.size.${Date.now().toString(36)}`;
// 0, 30 kB and 120 kB of values: the size order is known.
const [empty, small, big] = [`${prefix}.a-empty`, `${prefix}.b-small`, `${prefix}.c-big`];
const RECORD = 10_000;

/** Writes `count` uncompressed values of RECORD bytes with kcat (librdkafka), independent of Sluice. */
function produceBytes(topic: string, partition: number, count: number) {
  const input = Array.from({ length: count }, (_, i) => String(i % 10).repeat(RECORD)).join("\n") + "\n";
  execFileSync("kcat", ["-P", "-b", BOOTSTRAP, "-t", topic, "-p", String(partition), "-z", "none"], {
    input,
    timeout: 20_000,
  });
}

test.beforeAll(async () => {
  test.setTimeout(90_000);
  await kafka.createTopics([empty, small, big], 2);
  produceBytes(small, 0, 3);
  produceBytes(big, 0, 8);
  produceBytes(big, 1, 4);
});
test.afterAll(() => kafka.cleanup());
// Each page reads sizes from the broker; on a loaded host the first answer can take a while.
test.beforeEach(() => test.slow());
const SLOW = { timeout: 30_000 };

test("the topic list's Size column is sorted by the server", async ({ page }) => {
  const topics = new TopicsPage(page);
  await topics.gotoList();
  await topics.searchFor(prefix);
  // Created behind Sluice's back: the list picks them up on its next metadata refresh.
  await expect(topics.count).toHaveText("3 topics · 6 partitions", { timeout: 30_000 });

  await page.getByTestId("sort-size").click(); // ascending
  await expect(page).toHaveURL(/sort=size/);
  const rows = page.getByTestId("topic-table").getByRole("row");
  await expect(rows.nth(1)).toHaveAttribute("data-testid", `topic-row-${empty}`, SLOW);
  await expect(rows.nth(3)).toHaveAttribute("data-testid", `topic-row-${big}`);
  await page.getByTestId("sort-size").click(); // descending
  await expect(page).toHaveURL(/dir=desc/);
  await expect(rows.nth(1)).toHaveAttribute("data-testid", `topic-row-${big}`);
  await expect(rows.nth(2)).toHaveAttribute("data-testid", `topic-row-${small}`);
  await expect(rows.nth(3)).toHaveAttribute("data-testid", `topic-row-${empty}`);
  await expect(topics.row(empty)).toContainText("0 B");
  await expect(topics.row(big)).toContainText("KiB");
  await expect(page.getByTestId("topics-size-unavailable")).toHaveCount(0);
  await keepScreenshot(page, "sizes-topic-list-sorted");
});

test("the topic page shows the size of each partition and the total", async ({ page }) => {
  const topics = new TopicsPage(page);
  await topics.gotoTopic(big);
  const card = page.getByTestId("topic-sizes");
  const total = card.getByTestId("topic-size-total");
  await expect(total).toContainText("KiB", SLOW);
  const p0 = card.getByTestId("partition-size-0");
  const p1 = card.getByTestId("partition-size-1");
  await expect(p0).toContainText("KiB");
  await expect(p1).toContainText("KiB");
  // The total is the sum of the partitions as the API reports them.
  const sizes = await page.request.get(`/api/clusters/local/topics/${big}/sizes`).then((r) => r.json());
  expect(sizes.partitions[0].sizeBytes).toBeGreaterThanOrEqual(8 * RECORD);
  expect(sizes.partitions[1].sizeBytes).toBeGreaterThanOrEqual(4 * RECORD);
  await expect(total).toHaveText(formatBytes(sizes.sizeBytes));
  await expect(card.getByTestId("topic-bytes-in-derived")).toContainText("derived");
  await keepScreenshot(page, "sizes-topic-page");
});

test("the brokers page shows each log dir's disk use as a bar", async ({ page }) => {
  const broker = kcatMetadata().brokers[0];
  await page.goto("/clusters/local/brokers");
  const disks = page.getByTestId("broker-disks");
  await expect(disks.getByTestId(`broker-disk-${broker.id}`)).toBeVisible(SLOW);
  const text = disks.getByTestId(`disk-bar-${broker.id}-text`).first();
  await expect(text).toContainText(/Kafka [\d.]+ (B|KiB|MiB|GiB) · used [\d.]+ \w+ of [\d.]+ \w+ · [\d.]+ \w+ free/);
  await expect(disks.getByRole("img").first()).toHaveAttribute("aria-label", new RegExp(`Broker ${broker.id} .*free`));
  await disks.scrollIntoViewIfNeeded();
  await keepScreenshots(page, "sizes-broker-disks");
});

test("the cluster overview shows the total size and bytes in, labelled derived", async ({ page }) => {
  await page.goto("/clusters/local");
  const card = page.getByTestId("cluster-size");
  await expect(card.getByTestId("cluster-size-total")).toContainText(/[\d.]+ (KiB|MiB|GiB)/, SLOW);
  await expect(card.getByTestId("cluster-bytes-in-derived")).toContainText("derived");
  await expect(page.getByTestId("cluster-metrics").getByTestId("bytes-rate-now-derived")).toContainText(
    "derived",
    SLOW,
  );
  await expect(page.getByText("not available")).toHaveCount(0);
  await keepScreenshot(page, "sizes-cluster-overview");
});
