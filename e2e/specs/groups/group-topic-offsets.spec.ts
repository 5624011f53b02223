import { expect, test } from "@playwright/test";
import { KafkaFixture, uniqueTopicName } from "../../fixtures/kafka";
import { keepScreenshot } from "../../fixtures/screenshot";
import { GroupFixture, uniqueGroupPrefix } from "./group-fixture";

const kafka = new KafkaFixture();
const groups = new GroupFixture();
const orders = uniqueTopicName("offsets-orders");
const payments = uniqueTopicName("offsets-payments");
const group = `${uniqueGroupPrefix("offsets")}.idle`;

test.beforeAll(async () => {
  await kafka.createTopics([orders, payments], 1);
  await groups.produce(orders, [4]);
  await groups.produce(payments, [4]);
  await groups.commitIdle(group, orders, { 0: 2 });
  await groups.commitIdle(group, payments, { 0: 3 });
});
test.afterAll(async () => {
  await groups.cleanup();
  await kafka.cleanup();
});

test("delete one topic's offsets from a group: the other topic keeps its offsets", async ({ page }) => {
  await page.goto(`/clusters/local/consumer-groups/${encodeURIComponent(group)}`);
  await expect(page.getByTestId(`group-partition-row-${orders}-0`)).toBeVisible();
  await page.getByTestId("delete-topic-offsets-button").click();
  const dialog = page.getByTestId("delete-topic-offsets-dialog");
  await dialog.getByTestId("offsets-topic-select").selectOption(orders);
  const confirm = dialog.getByTestId("confirm-delete-topic-offsets-button");
  await expect(confirm).toBeDisabled();
  await dialog.getByTestId("confirm-delete-topic-offsets-input").fill(orders);
  await keepScreenshot(page, "group-delete-topic-offsets");
  await confirm.click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId(`group-partition-row-${orders}-0`)).toBeHidden();
  await expect(page.getByTestId(`group-partition-row-${payments}-0`)).toBeVisible();
  expect(await groups.committed(group, orders)).toEqual({ 0: "-1" });
  expect(await groups.committed(group, payments)).toEqual({ 0: "3" });
});
