import { expect, test } from "@playwright/test";
import { KafkaFixture, uniqueTopicName } from "../../fixtures/kafka";
import { keepScreenshot } from "../../fixtures/screenshot";
import { GroupFixture, uniqueGroupPrefix } from "./group-fixture";

const kafka = new KafkaFixture();
const groups = new GroupFixture();
const topic = uniqueTopicName("lagsec");
const group = `${uniqueGroupPrefix("lagsec")}.idle`;

test.beforeAll(async () => {
  await kafka.createTopics([topic], 1);
  await groups.produce(topic, [5]);
  await groups.commitIdle(group, topic, { 0: 2 });
});
test.afterAll(async () => {
  await groups.cleanup();
  await kafka.cleanup();
});

test("the group page measures how far behind in time the group is, and charts its lag live", async ({ page }) => {
  test.setTimeout(150_000);
  await page.goto(`/clusters/local/consumer-groups/${encodeURIComponent(group)}`);
  await page.getByTestId("measure-lag-seconds").click();
  await expect(page.getByTestId("max-lag-seconds")).toContainText("behind");
  await expect(page.getByTestId("group-lag-now")).toHaveText("3", { timeout: 20_000 });
  // Both charts say what they plot and in which unit (the lag-in-time ticks are durations: lib/metrics/chart-units.test.ts).
  const records = page.getByTestId("group-lag-chart");
  const seconds = page.getByTestId("group-lag-seconds-chart");
  await expect(records.getByTestId("chart-title")).toHaveText(/Lag in records/);
  await expect(seconds.getByTestId("chart-title")).toHaveText(/Lag in time/);
  await expect(records.locator(".recharts-label")).toHaveText("records", { timeout: 20_000 });
  await keepScreenshot(page, "group-lag");
});
