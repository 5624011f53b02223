import { expect, test } from "@playwright/test";
import { KafkaFixture, uniqueTopicName } from "../../fixtures/kafka";
import { keepScreenshot } from "../../fixtures/screenshot";
import { GroupsPage } from "../../pages/groups-page";
import { GroupFixture, uniqueGroupPrefix } from "./group-fixture";

const kafka = new KafkaFixture();
const groups = new GroupFixture();
const topic = uniqueTopicName("groups-ro");
const groupId = `${uniqueGroupPrefix("grp-ro")}.idle`;

test.beforeAll(async () => {
  await kafka.createTopics([topic], 2);
  await groups.produce(topic, [2, 2]);
  await groups.commitIdle(groupId, topic, { 0: 1, 1: 1 });
});
test.afterAll(async () => {
  await groups.cleanup();
  await kafka.cleanup();
});

test("a read-only cluster shows its groups but disables reset and delete, saying why", async ({ page }) => {
  const g = new GroupsPage(page);
  await g.gotoList("local-readonly", `?q=${groupId}`);
  await g.waitForRow(groupId, () => expect(g.cell(groupId, "totalLag")).toHaveText("2", { timeout: 2_000 }));
  await g.row(groupId).getByRole("link", { name: groupId }).click();
  await expect(page.getByRole("heading", { name: groupId })).toBeVisible();
  await expect(g.stat("lag")).toHaveText("2");
  await expect(page.getByTestId("group-idle-note")).toContainText("read-only");
  for (const id of ["reset-offsets-button", "delete-group-button"]) {
    await expect(page.getByTestId(id)).toBeDisabled();
    await page.getByTestId(id).hover({ force: true });
    await expect(page.getByRole("tooltip")).toContainText("read-only");
    await page.keyboard.press("Escape");
    await expect(page.getByRole("tooltip")).toHaveCount(0);
  }
  await keepScreenshot(page, "group-read-only");
});
