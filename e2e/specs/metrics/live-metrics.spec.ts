import { expect, test } from "@playwright/test";
import { KafkaFixture, uniqueTopicName } from "../../fixtures/kafka";
import { RecordsFixture } from "../../fixtures/records";
import { keepScreenshot } from "../../fixtures/screenshot";

const kafka = new KafkaFixture();
const records = new RecordsFixture();
test.afterAll(async () => {
  await records.close();
  await kafka.cleanup();
});

/** Keeps producing until stopped, so the next samples see a rate. */
function keepProducing(topic: string) {
  let on = true;
  const done = (async () => {
    for (let i = 0; on; i++) {
      await records.send(
        topic,
        Array.from({ length: 20 }, (_, j) => ({ key: `k${i}-${j}`, value: `v${i}-${j}` })),
      );
      await new Promise((r) => setTimeout(r, 200));
    }
  })();
  return async () => {
    on = false;
    await done;
  };
}

test("the overview and the topic page chart the produce rate live while records arrive, and a new topic appears in the list without reload", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const topic = uniqueTopicName("metrics");
  await kafka.createTopics([topic], 2);

  await page.goto("/clusters/local");
  await expect(page.getByTestId("metrics-live-state")).toHaveText("live", { timeout: 20_000 });
  const stop = keepProducing(topic);
  try {
    await expect(page.getByTestId("top-topics")).toContainText(topic, { timeout: 20_000 });
    await expect(page.getByTestId("produce-rate-now")).not.toHaveText(/^(—|0\.0 records\/s)$/);
    await expect(page.getByTestId("throughput-chart").locator("path.recharts-curve").first()).toBeVisible();
    await keepScreenshot(page, "overview-metrics");

    await page.goto(`/clusters/local/topics/${encodeURIComponent(topic)}`);
    await expect(page.getByTestId("topic-rate-now")).toHaveText(/records\/s/, { timeout: 20_000 });
    await expect(page.getByTestId("topic-rate-now")).not.toHaveText(/^(—|0\.0 records\/s)$/, { timeout: 20_000 });
    await keepScreenshot(page, "topic-metrics");
  } finally {
    await stop();
  }

  // A topic created elsewhere shows up in the open topic list (topics-changed from the sampler).
  await page.goto("/clusters/local/topics");
  await page.getByTestId("topics-search").fill("e2e.metrics-late");
  const late = uniqueTopicName("metrics-late");
  await kafka.createTopics([late], 1);
  await expect(page.getByTestId(`topic-row-${late}`)).toBeVisible({ timeout: 15_000 });
});
