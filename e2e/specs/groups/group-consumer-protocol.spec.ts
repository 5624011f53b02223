import { expect, test } from "@playwright/test";
import { startJavaConsumer, type JavaConsumer } from "../../../test/java-consumer";
import { KafkaFixture, uniqueTopicName } from "../../fixtures/kafka";
import { keepScreenshot } from "../../fixtures/screenshot";
import { GroupsPage } from "../../pages/groups-page";
import { deleteGroup, GroupFixture, uniqueGroupPrefix } from "./group-fixture";

// A real Java consumer on the KIP-848 protocol (group.protocol=consumer): classic DescribeGroups calls its
// group Dead with no members; the page must show it as a Stable consumer-protocol group with its member.
const kafka = new KafkaFixture();
const groups = new GroupFixture();
const topic = uniqueTopicName("kip848");
const group = `${uniqueGroupPrefix("kip848")}.orders`;
let consumer: JavaConsumer | undefined;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  await kafka.createTopics([topic], 2);
  await groups.produce(topic, [6, 4]);
  consumer = startJavaConsumer({
    groupId: group,
    topics: [topic],
    protocol: "consumer",
    maxPollRecords: 2,
    stopAfter: 2,
  });
  await consumer.ready;
  await consumer.consumed(2);
});
test.afterAll(async () => {
  await consumer?.stop();
  await deleteGroup(group);
  await kafka.cleanup();
});

test("the groups page shows a consumer-protocol group with its type, state and member", async ({ page }) => {
  // On the shared, loaded test machine one page load can take 20–30 s and the cold server's first group snapshot
  // (1,050 topics, 100+ groups) longer still: generous bounds, each wait checked with a reload.
  test.setTimeout(330_000);
  const list = new GroupsPage(page);
  await expect(async () => {
    await list.gotoList("local", `?q=${encodeURIComponent(group)}`);
    await expect(list.row(group)).toBeVisible({ timeout: 20_000 });
    await expect(list.cell(group, "state").getByTestId("group-state")).toHaveText("Stable", { timeout: 5_000 });
    await expect(list.cell(group, "members")).toHaveText("1", { timeout: 5_000 });
  }).toPass({ timeout: 200_000, intervals: [2_000, 3_000, 5_000] });
  await expect(list.cell(group, "state").getByTestId("group-type")).toHaveText("consumer");
  await keepScreenshot(page, "groups-list-consumer-protocol");

  await list.gotoGroup(group);
  await expect(list.stat("state")).toHaveText("Stable");
  await expect(list.stat("members")).toHaveText("1");
  const protocol = page.getByTestId("group-protocol");
  await expect(protocol.getByTestId("group-type")).toHaveText("consumer");
  await expect(protocol).toContainText(/group epoch \d+/);
  await expect(protocol).toContainText(/assignor (uniform|range)/);
  const member = page.getByTestId("group-member-row-sluice-java-consumer");
  await expect(member).toBeVisible({ timeout: 30_000 });
  await expect(member.getByTestId("group-member-id")).not.toBeEmpty();
  await expect(member).toContainText(topic); // subscription and assigned/target partitions
  await expect(member).toContainText(`${topic}: 0,1`);
  await expect(list.partitionRow(topic, 0)).toContainText("sluice-java-consumer");
  await keepScreenshot(page, "group-detail-consumer-protocol");
});
