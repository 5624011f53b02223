import { expect, test } from "@playwright/test";
import kafkajs, { type Admin } from "kafkajs";
import { TEST_STACK } from "../../../test/stack";
import { uniqueTopicName } from "../../fixtures/kafka";
import { keepScreenshot } from "../../fixtures/screenshot";
import { TopicsPage } from "../../pages/topics-page";

// kafkajs is CommonJS: Playwright's loader sees only its default export.
const { Kafka, logLevel } = kafkajs;

/** On the 3-broker variant (cluster "local3", dev/kafka.sh --brokers 3; npm test starts it). */
const brokers = TEST_STACK.bootstrap3.split(",");
const name = uniqueTopicName("reassign");
let admin: Admin;

const replicas = async () => {
  const meta = await admin.fetchTopicMetadata({ topics: [name] });
  return meta.topics[0].partitions.sort((a, b) => a.partitionId - b.partitionId).map((p) => p.replicas);
};

test.beforeAll(async () => {
  admin = new Kafka({ clientId: "sluice-e2e", brokers, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  await admin.createTopics({
    topics: [
      { topic: name, replicaAssignment: [0, 1, 2].map((partition) => ({ partition, replicas: [partition + 1] })) },
    ],
    waitForLeaders: true,
  });
  // 6 MB on partition 0: Kafka lets one fetch (up to 1 MB) through before a throttle bites, so a throttled copy of
  // it is still running while the spec looks at it; partitions 1 and 2 hold a few records and finish at once.
  const producer = new Kafka({ clientId: "sluice-e2e", brokers, logLevel: logLevel.NOTHING }).producer();
  await producer.connect();
  const value = "r".repeat(100_000);
  for (let i = 0; i < 12; i++) {
    await producer.send({ topic: name, acks: 1, messages: Array.from({ length: 5 }, () => ({ partition: 0, value })) });
  }
  for (const partition of [1, 2]) {
    await producer.send({ topic: name, acks: 1, messages: [{ partition, value: "small" }] });
  }
  await producer.disconnect();
});
test.afterAll(async () => {
  await admin.deleteTopics({ topics: [name] }).catch(() => {});
  await admin.disconnect();
});

test("reassignment dialog: impossible plan refused with the broker's reason, preview of what moves where, throttled progress with cancel, then a plan that completes", async ({
  page,
}) => {
  test.setTimeout(300_000); // the machine running CI is shared; each broker round trip can take seconds
  const topics = new TopicsPage(page);
  await topics.gotoTopic(name, "local3");
  await page.getByTestId("reassign-button").click();
  const dialog = page.getByTestId("reassign-dialog");

  await test.step("a replication factor above the broker count is refused by the preview, in the broker's words", async () => {
    await dialog.getByTestId("reassign-rf").fill("4");
    await dialog.getByTestId("reassign-preview-button").click();
    await expect(dialog.getByTestId("reassign-preview-error")).toContainText("INVALID_REPLICATION_FACTOR");
    await expect(dialog.getByTestId("reassign-preview-error")).toContainText("3 broker");
    await expect(dialog.getByTestId("reassign-start-button")).toBeDisabled();
  });

  await test.step("replication factor 3: the preview lists each partition's new replicas, the leader staying", async () => {
    await dialog.getByTestId("reassign-rf").fill("3");
    await dialog.getByTestId("reassign-preview-button").click();
    await expect(dialog.getByTestId("reassign-preview")).toContainText(
      "3 partitions change, 0 stay. Replication factor 1 → 3.",
    );
    const move0 = dialog.getByTestId("reassign-move-0").getByRole("cell");
    await expect(move0).toHaveText(["0", /^1\s+1, 2, 3$/, "2, 3", "—", "stays"]);
    await keepScreenshot(page, "reassignment-preview");
  });

  await test.step("started with a tight throttle, the big partition is still copying; cancel puts its old replicas back", async () => {
    await dialog.getByTestId("reassign-throttle").fill("0.001");
    await dialog.getByTestId("reassign-start-button").click();
    await expect(dialog.getByTestId("reassign-progress")).toBeVisible();
    await expect(dialog.getByTestId("reassign-partition-0")).toContainText("copying");
    await expect(dialog.getByRole("progressbar")).toBeVisible();
    // partitions 1 and 2 hold one small record each; on a busy host their copy can still be running a few seconds
    // in, and a cancel then puts them back too: wait for them, so only the throttled partition 0 is left to cancel
    await expect(dialog.getByTestId("reassign-partition-1")).toContainText("done", { timeout: 60_000 });
    await expect(dialog.getByTestId("reassign-partition-2")).toContainText("done", { timeout: 60_000 });
    await expect(dialog.getByTestId("reassign-progress")).toContainText("2 of 3 partitions moved");
    await expect(dialog.getByTestId("reassign-partition-0")).toContainText("copying");
    await keepScreenshot(page, "reassignment-progress");
    await dialog.getByTestId("reassign-cancel-button").click();
    await expect(dialog.getByTestId("reassign-cancelled")).toContainText(
      "partition 0 went back to their earlier replicas",
    );
    await expect.poll(replicas, { timeout: 20_000 }).toEqual([[1], [2, 1, 3], [3, 1, 2]]);
    await page.getByRole("button", { name: "Close" }).last().click();
  });

  await test.step("replication factor 2 for every partition, without a throttle, runs to completion, and the broker holds the new replicas", async () => {
    await page.getByTestId("reassign-button").click();
    await dialog.getByTestId("reassign-rf").fill("2");
    await dialog.getByTestId("reassign-preview-button").click();
    await expect(dialog.getByTestId("reassign-preview")).toContainText(
      "3 partitions change, 0 stay. Replication factor 3 → 2.",
    );
    await dialog.getByTestId("reassign-start-button").click();
    await expect(dialog.getByTestId("reassign-complete")).toBeVisible({ timeout: 60_000 });
    await keepScreenshot(page, "reassignment-complete");
    expect((await replicas()).map((r) => r.length)).toEqual([2, 2, 2]);
    await page.getByRole("button", { name: "Close" }).last().click();
    await expect(page.getByTestId("topic-stat-rf")).toContainText("2");
  });
});
