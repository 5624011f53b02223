import { expect, test } from "@playwright/test";
import { startJavaShareConsumer, type JavaConsumer } from "../../../test/java-consumer";
import { KafkaFixture, uniqueTopicName } from "../../fixtures/kafka";
import { keepScreenshot } from "../../fixtures/screenshot";
import { GroupsPage } from "../../pages/groups-page";
import { deleteGroup, GroupFixture, uniqueGroupPrefix } from "./group-fixture";

// A real Java share consumer (KafkaShareConsumer, KIP-932) on the 4.3.1 test broker, where share groups are on by
// default: the list shows the group with type share and links to its own page with members, assignments and
// per-partition start offsets and lag.
const kafka = new KafkaFixture();
const groups = new GroupFixture();
const topic = uniqueTopicName("kip932");
const group = `${uniqueGroupPrefix("kip932")}.jobs`;
let consumer: JavaConsumer | undefined;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  await kafka.createTopics([topic], 2);
  await groups.produce(topic, [5, 3]);
  consumer = startJavaShareConsumer({ groupId: group, topics: [topic] });
  await consumer.ready;
  await consumer.consumed(8);
});
test.afterAll(async () => {
  await consumer?.stop();
  await deleteGroup(group);
  await kafka.cleanup();
});

test("a share group is listed with type share and its page shows members, assignments and start offsets", async ({
  page,
}) => {
  // page loads take 20–30 s on the shared, loaded test machine (see group-consumer-protocol.spec.ts)
  test.setTimeout(330_000);
  const list = new GroupsPage(page);
  await expect(async () => {
    await list.gotoList("local", `?q=${encodeURIComponent(group)}`);
    await expect(list.row(group)).toBeVisible({ timeout: 20_000 });
    await expect(list.cell(group, "members")).toHaveText("1", { timeout: 5_000 });
  }).toPass({ timeout: 200_000, intervals: [2_000, 3_000, 5_000] });
  await expect(list.cell(group, "state").getByTestId("group-type")).toHaveText("share");
  await expect(list.cell(group, "state").getByTestId("group-state")).toHaveText("Stable");

  await list.row(group).getByRole("link", { name: group }).click();
  await expect(page).toHaveURL(new RegExp(`/clusters/local/share-groups/${group.replace(/\./g, "\\.")}$`));
  await expect(page.getByRole("heading", { name: group })).toBeVisible({ timeout: 30_000 });
  await expect(list.stat("state")).toHaveText("Stable");
  await expect(list.stat("members")).toHaveText("1");
  const protocol = page.getByTestId("group-protocol");
  await expect(protocol.getByTestId("group-type")).toHaveText("share");
  await expect(protocol).toContainText(/group epoch \d+/);
  const member = page.getByTestId("group-member-row-sluice-java-share");
  await expect(member).toContainText(`${topic}: 0,1`, { timeout: 30_000 });
  for (const [p, end] of [
    [0, "5"],
    [1, "3"],
  ] as const) {
    const row = list.partitionRow(topic, p);
    await expect(row).toContainText("sluice-java-share");
    await expect(row).toContainText(end);
  }
  await expect(list.stat("lag")).toHaveText("0");
  await keepScreenshot(page, "share-group-detail");
});
