import { expect, test } from "@playwright/test";
import { KafkaFixture } from "../../fixtures/kafka";
import { keepScreenshot } from "../../fixtures/screenshot";
import { GroupFixture, uniqueGroupPrefix } from "./group-fixture";

const kafka = new KafkaFixture();
const groups = new GroupFixture();
test.afterAll(async () => {
  await groups.cleanup();
  await kafka.cleanup();
});

test("a stopped group shows STOP with its rule, a caught-up one OK with 0 s, in the list and on the group page", async ({
  page,
}) => {
  const prefix = uniqueGroupPrefix("health");
  const topic = `${prefix}.orders`;
  await kafka.createTopics([topic], 1);
  const stopped = `${prefix}.billing`;
  const current = `${prefix}.analytics`;
  // Open the list first, so Sluice samples the groups in the background while the topic grows.
  await page.goto(`/clusters/local/consumer-groups?q=${encodeURIComponent(prefix)}`);
  let end = 0;
  for (let round = 0; round < 5; round++) {
    await groups.produce(topic, [10]);
    end += 10;
    await groups.commitFast(stopped, topic, { 0: 5 });
    await groups.commitFast(current, topic, { 0: end });
    await page.waitForTimeout(1200);
  }
  await page.reload();
  const stoppedRow = page.getByTestId(`group-row-${stopped}`);
  await expect(stoppedRow.getByTestId("group-health")).toHaveText("STOP", { timeout: 15_000 });
  await expect(stoppedRow.getByTestId("group-health")).toHaveAttribute(
    "title",
    /no consumer and the committed offset stayed at 5/,
  );
  await expect(page.getByTestId(`group-row-${current}`).getByTestId("group-health")).toHaveText("OK");
  await expect(page.getByTestId(`group-row-${current}`)).toContainText("0 s");
  await keepScreenshot(page, "groups-health");

  await stoppedRow.getByRole("link").first().click();
  await expect(page.getByTestId("group-stat-health")).toContainText("STOP");
  await expect(page.getByTestId("group-health-rule")).toContainText("no consumer and the committed offset stayed at 5");
  await expect(page.getByTestId("group-stat-catchup")).toContainText("not consuming");
  await keepScreenshot(page, "group-health-detail");
});
