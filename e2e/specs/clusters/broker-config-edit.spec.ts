import { expect, test } from "@playwright/test";
import kafkajs from "kafkajs";
import { kcatMetadata } from "../../../test/infra";
import { testAdmin } from "../../../test/kafka-admin";
import { keepScreenshot } from "../../fixtures/screenshot";

const { ConfigResourceTypes } = kafkajs;
const KEY = "log.cleaner.backoff.ms";

/** What the broker itself holds for KEY as a per-broker dynamic override (checked with kafkajs, not Sluice). */
async function brokerOverride(brokerId: number): Promise<string | undefined> {
  const admin = testAdmin();
  await admin.connect();
  try {
    const res = await admin.describeConfigs({
      includeSynonyms: false,
      resources: [{ type: ConfigResourceTypes.BROKER, name: String(brokerId), configNames: [KEY] }],
    });
    const e = res.resources[0]?.configEntries.find((c) => c.configName === KEY) as
      { configValue: string; configSource?: number } | undefined;
    return e?.configSource === 2 ? e.configValue : undefined;
  } finally {
    await admin.disconnect();
  }
}

test("the brokers page shows the Kafka version and the KRaft quorum the cluster reports", async ({ page }) => {
  const node = kcatMetadata().brokers[0].id;
  await page.goto("/clusters/local/brokers");
  await expect(page.getByTestId(`broker-row-${node}`)).toContainText("active controller");
  const truth = page.getByTestId("cluster-truth");
  await expect(truth.getByTestId("truth-kafka-version")).toHaveText("4.3");
  await expect(truth.getByTestId("truth-metadata-version")).toHaveText("4.3-IV0");
  await expect(truth.getByTestId("truth-active-controller")).toHaveText(String(node));
  const voter = truth.getByTestId(`quorum-voter-${node}`);
  await expect(voter).toContainText("active controller");
  await expect(voter.locator("td").nth(2)).toHaveText("0");
  await expect(truth.getByTestId("feature-metadata.version")).toHaveText("metadata.version = 30");
  await expect(truth.getByTestId("truth-unavailable")).toHaveCount(0);
  await keepScreenshot(page, "brokers-quorum");

  await page.goto("/clusters/local");
  await expect(page.getByTestId("stat-controller")).toHaveText(String(node));
  await expect(page.getByTestId("cluster-kafka-version")).toHaveText("Kafka 4.3");
});

test("an admin edits a broker's dynamic config: the broker's refusal shows in the preview, a valid value is previewed, applied and reset", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const node = kcatMetadata().brokers[0].id;
  // start from no override (an earlier, interrupted run may have left one); 422 when there is none to reset
  const cleared = await page.request.patch(`/api/clusters/local/brokers/${node}/configs`, { data: { reset: [KEY] } });
  expect([200, 422]).toContain(cleared.status());
  await expect.poll(() => brokerOverride(node)).toBeUndefined();
  await page.goto(`/clusters/local/brokers/${node}`);
  await page.getByTestId("broker-config-change").click();
  const dialog = page.getByTestId("broker-config-dialog");
  await dialog.getByTestId("broker-config-key").fill(KEY);
  await dialog.getByTestId("broker-config-value").fill("soon");
  await dialog.getByTestId("broker-config-preview").click();
  await expect(dialog.getByTestId("broker-config-error")).toContainText(
    "The broker refused the change (INVALID_REQUEST): Invalid value soon for configuration log.cleaner.backoff.ms: Not a number of type LONG",
  );
  await keepScreenshot(page, "broker-config-refused");

  await dialog.getByTestId("broker-config-value").fill("16000");
  await dialog.getByTestId("broker-config-preview").click();
  await expect(dialog.getByTestId(`config-diff-${KEY}`)).toContainText("16000");
  await keepScreenshot(page, "broker-config-preview");
  expect(await brokerOverride(node)).toBeUndefined();

  await dialog.getByTestId("broker-config-apply").click();
  await expect(dialog).toHaveCount(0);
  await expect.poll(() => brokerOverride(node)).toBe("16000");
  await page.getByTestId("broker-config-table-search").fill(KEY);
  await expect(page.getByTestId(`config-row-${KEY}`)).toContainText("dynamic broker config");
  await expect(page.getByTestId(`config-row-${KEY}`)).toContainText("16000");

  await page.getByTestId(`config-reset-${KEY}`).click();
  await expect(dialog.getByTestId("broker-config-op")).toHaveValue("reset");
  await dialog.getByTestId("broker-config-preview").click();
  await expect(dialog.getByTestId(`config-diff-${KEY}`)).toContainText("default");
  await dialog.getByTestId("broker-config-apply").click();
  await expect.poll(() => brokerOverride(node)).toBeUndefined();
  await expect(page.getByTestId(`config-row-${KEY}`)).toContainText("default config");
});
