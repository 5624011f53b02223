import { expect, test } from "@playwright/test";
import { KafkaFixture, uniqueTopicName } from "../../fixtures/kafka";
import { keepScreenshot } from "../../fixtures/screenshot";
import { GroupsPage } from "../../pages/groups-page";
import { GroupFixture, uniqueGroupPrefix } from "./group-fixture";

const kafka = new KafkaFixture();
const groups = new GroupFixture();
const topic = uniqueTopicName("groups");
const prefix = uniqueGroupPrefix("grp");
const idle = `${prefix}.idle`;
const active = `${prefix}.active`;

// Partition 0 holds 5 records, partition 1 holds 3; the idle group committed 2 and 1: lag 3 + 2 = 5.
test.beforeAll(async () => {
  test.setTimeout(90_000);
  await kafka.createTopics([topic], 2);
  await groups.produce(topic, [5, 3]);
  await groups.commitIdle(idle, topic, { 0: 2, 1: 1 });
  await groups.startConsumer(active, topic, 8);
});
test.afterAll(async () => {
  await groups.cleanup();
  await kafka.cleanup();
});
test.describe.configure({ mode: "serial" });

test("the list shows the idle and the active group with their state and lag, sorted by the server", async ({
  page,
}) => {
  const list = new GroupsPage(page);
  await list.gotoList();
  await list.searchFor(prefix);
  await list.waitForRow(idle, async () => {
    await expect(list.row(active)).toBeVisible({ timeout: 2_000 });
    await expect(list.cell(active, "state").getByTestId("group-state")).toHaveText("Stable", { timeout: 2_000 });
    await expect(list.cell(active, "totalLag")).toHaveText("0", { timeout: 2_000 });
  });
  await expect(list.cell(idle, "state").getByTestId("group-state")).toHaveText("Empty");
  await expect(list.cell(idle, "members")).toHaveText("0");
  await expect(list.cell(idle, "totalLag")).toHaveText("5");
  await expect(list.cell(idle, "topics")).toHaveText(topic);
  await expect(list.cell(active, "members")).toHaveText("1");
  await expect(list.count).toHaveText("2 groups");

  // Default sort: total lag, biggest first.
  const rows = page.getByTestId("group-table").getByRole("row");
  await expect(rows.nth(1)).toHaveAttribute("data-testid", `group-row-${idle}`);
  await keepScreenshot(page, "groups-list");

  await page.getByTestId("groups-sort-groupId").click();
  await expect(page).toHaveURL(/sort=groupId/);
  await expect(rows.nth(1)).toHaveAttribute("data-testid", `group-row-${active}`);

  await list.search.fill(`${prefix}.nothing`);
  await expect(page.getByText("No group matches")).toBeVisible();

  await page.emulateMedia({ colorScheme: "dark" });
  await list.gotoList("local", `?q=${prefix}`);
  await expect(list.row(idle)).toBeVisible();
  await keepScreenshot(page, "groups-list-dark");
});

test("the idle group: preview a reset to earliest, apply it, then delete the group", async ({ page }) => {
  test.setTimeout(90_000);
  const g = new GroupsPage(page);

  await test.step("the detail shows committed offsets, lag and that offsets can be reset", async () => {
    await g.gotoList("local", `?q=${prefix}`);
    await g.row(idle).getByRole("link", { name: idle }).click();
    await expect(page.getByRole("heading", { name: idle })).toBeVisible();
    await expect(g.stat("state")).toHaveText("Empty");
    await expect(g.stat("members")).toHaveText("0");
    await expect(g.stat("lag")).toHaveText("5");
    // topic, partition, committed, end, lag, lag in time (estimated, once sampled), health, consumer
    const timeCell = /^(—|≈ )?.*$/;
    await expect(g.partitionRow(topic, 0).getByRole("cell")).toHaveText([
      topic,
      "0",
      "2",
      "5",
      "3",
      timeCell,
      /^(OK|STOP)$/,
      "unassigned",
    ]);
    await expect(g.partitionRow(topic, 1).getByRole("cell")).toHaveText([
      topic,
      "1",
      "1",
      "3",
      "2",
      timeCell,
      /^(OK|STOP)$/,
      "unassigned",
    ]);
    await expect(page.getByTestId("group-idle-note")).toContainText("no active members: offsets can be reset", {
      ignoreCase: true,
    });
    await keepScreenshot(page, "group-detail");
  });

  await test.step("Apply needs a preview; the preview shows current → new offset and the lag after", async () => {
    await page.getByTestId("reset-offsets-button").click();
    const d = g.dialog("reset-offsets-dialog");
    await expect(d.getByTestId(`reset-topic-${topic}`)).toBeChecked();
    await expect(d.getByTestId("apply-reset-button")).toBeDisabled();
    await d.getByTestId("reset-target-earliest").check();
    await d.getByTestId("preview-reset-button").click();
    await expect(g.previewRow(topic, 0).getByTestId("reset-current")).toHaveText("2");
    await expect(g.previewRow(topic, 0).getByTestId("reset-next")).toHaveText("0");
    await expect(g.previewRow(topic, 0).getByTestId("reset-lag-after")).toHaveText("5");
    await expect(g.previewRow(topic, 1).getByTestId("reset-current")).toHaveText("1");
    await expect(g.previewRow(topic, 1).getByTestId("reset-next")).toHaveText("0");
    await expect(g.previewRow(topic, 1).getByTestId("reset-lag-after")).toHaveText("3");
    await expect(d.getByTestId("apply-reset-button")).toBeEnabled();
    await keepScreenshot(page, "group-reset-preview");
    // The dry run changed nothing.
    expect(await groups.committed(idle, topic)).toEqual({ 0: "2", 1: "1" });

    // Changing the form makes the preview stale until previewed again.
    await d.getByTestId("reset-target-latest").check();
    await expect(d.getByTestId("apply-reset-button")).toBeDisabled();
    await d.getByTestId("reset-target-earliest").check();
    await d.getByTestId("preview-reset-button").click();
    await expect(d.getByTestId("apply-reset-button")).toBeEnabled();

    await d.getByTestId("apply-reset-button").click();
    await expect(d.getByTestId("reset-applied")).toContainText("2 partitions");
    expect(await groups.committed(idle, topic)).toEqual({ 0: "0", 1: "0" });
    await d.getByTestId("reset-done").click();
    await expect(d).toBeHidden();
    await expect(g.stat("lag")).toHaveText("8");
    await expect(g.partitionRow(topic, 0).getByRole("cell").nth(2)).toHaveText("0");
  });

  await test.step("a bad target is explained before asking the broker", async () => {
    await page.getByTestId("reset-offsets-button").click();
    const d = g.dialog("reset-offsets-dialog");
    await d.getByTestId("reset-target-offset").check();
    await d.getByTestId("reset-offset-input").fill("abc");
    await d.getByTestId("preview-reset-button").click();
    await expect(d.getByTestId("reset-form-error")).toHaveText("offset must be a whole number");
    // An offset beyond the end: the server's 422 shows in the dialog.
    await d.getByTestId("reset-offset-input").fill("999");
    await d.getByTestId("preview-reset-button").click();
    await expect(d.getByTestId("reset-preview-error")).toContainText("outside the partition's range");
    await d.getByRole("button", { name: "Cancel" }).click();
    await expect(d).toBeHidden();
  });

  await test.step("delete needs the exact id typed, then returns to the list", async () => {
    await page.getByTestId("delete-group-button").click();
    const d = g.dialog("delete-group-dialog");
    const confirm = d.getByTestId("confirm-delete-group-button");
    await expect(confirm).toBeDisabled();
    await d.getByTestId("confirm-delete-group-input").fill(idle.slice(0, -1));
    await expect(confirm).toBeDisabled();
    await d.getByTestId("confirm-delete-group-input").fill(idle);
    await confirm.click();
    await expect(page).toHaveURL(/\/clusters\/local\/consumer-groups$/);
    expect(await groups.groupExists(idle)).toBe(false);
  });
});

test("the active group shows its member; reset can be previewed but Apply and delete explain why not", async ({
  page,
}) => {
  const g = new GroupsPage(page);
  await g.gotoGroup(active);
  await expect(g.stat("state")).toHaveText("Stable");
  await expect(g.stat("members")).toHaveText("1");
  await expect(page.getByTestId("group-member-row-e2e-active-consumer")).toContainText(`${topic}: 0,1`);
  await expect(g.partitionRow(topic, 0)).toContainText("e2e-active-consumer");
  await expect(page.getByTestId("group-idle-note")).toHaveCount(0);
  await keepScreenshot(page, "group-detail-active");

  await expect(page.getByTestId("delete-group-button")).toBeDisabled();
  await page.getByTestId("delete-group-button").hover({ force: true });
  await expect(page.getByRole("tooltip")).toContainText("stop its consumers first");

  await page.getByTestId("reset-offsets-button").click();
  const d = g.dialog("reset-offsets-dialog");
  await expect(d.getByTestId("reset-members-warning")).toContainText("e2e-active-consumer@");
  await d.getByTestId("reset-target-shift").check();
  await d.getByTestId("reset-shift-input").fill("-2");
  await d.getByTestId("preview-reset-button").click();
  await expect(g.previewRow(topic, 0).getByTestId("reset-current")).toHaveText("5");
  await expect(g.previewRow(topic, 0).getByTestId("reset-next")).toHaveText("3");
  await expect(g.previewRow(topic, 0).getByTestId("reset-lag-after")).toHaveText("2");
  await expect(d.getByTestId("apply-reset-button")).toBeDisabled();
  await d.getByTestId("apply-reset-button").hover({ force: true });
  await expect(page.getByRole("tooltip")).toContainText("active member");
  await keepScreenshot(page, "group-reset-active");
});

test("a topic's consumer groups tab links to the group's page", async ({ page }) => {
  await page.goto(`/clusters/local/topics/${encodeURIComponent(topic)}`);
  await expect(async () => {
    await page.reload();
    await page.getByTestId("topic-tab-groups").click();
    await expect(page.getByTestId(`group-row-${active}`)).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 40_000, intervals: [1_000, 2_000, 3_000] });
  await page.getByTestId(`group-row-${active}`).getByRole("link", { name: active }).click();
  await expect(page.getByRole("heading", { name: active })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/consumer-groups/${active.replace(/\./g, "\\.")}$`));
});
