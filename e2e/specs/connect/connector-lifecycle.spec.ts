import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { ensureConnect } from "../../../test/infra";
import { contextAs, ensureTeam, ensureUser } from "../../fixtures/accounts";
import { testAdmin } from "../../../test/kafka-admin";
import { keepScreenshot } from "../../fixtures/screenshot";

const u = Date.now().toString(36);
const name = `e2e-src-${u}`;
const topic = `e2e.connect.${u}`;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sluice-e2e-connect-"));
const file = path.join(dir, "lines.txt");
const requested = `e2e.conn.${u}-source`;
const requestedTopic = `e2e.conn.${u}.lines`;
const admin = testAdmin();
let stopConnect = () => {};

test.beforeAll(async () => {
  test.setTimeout(180_000);
  stopConnect = ensureConnect();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 1 }] });
  fs.writeFileSync(file, "one\ntwo\nthree\n");
});

test.afterAll(async ({ request }) => {
  await request.delete(`/api/clusters/local/connect/local/connectors/${name}`).catch(() => {});
  await request.delete(`/api/clusters/local/connect/local/connectors/${encodeURIComponent(requested)}`).catch(() => {});
  await admin.deleteTopics({ topics: [topic, requestedTopic] }).catch(() => {});
  await admin.disconnect();
  fs.rmSync(dir, { recursive: true, force: true });
  stopConnect();
});

test("create a connector from the plugin's form (a validation error first), see it RUNNING, pause it and see PAUSED live", async ({
  page,
}) => {
  test.setTimeout(120_000);

  await test.step("the overview shows the Connect clusters with version and health", async () => {
    await page.goto("/clusters/local/connect");
    await expect(page.getByTestId("connect-health-local")).toHaveText("up", { timeout: 30_000 });
    await expect(page.getByTestId("connect-cluster-local")).toContainText("4.3.1");
    await expect(page.getByTestId("connect-health-down")).toHaveText("down");
    await expect(page.getByTestId("connect-cluster-down")).toContainText("cannot be reached");
    await keepScreenshot(page, "connect-overview");
    await page.getByTestId("connect-link-local").click();
    await expect(page.getByRole("heading", { name: "Connectors on local" })).toBeVisible();
  });

  await test.step("the form follows the plugin's definition; the worker's errors show on their fields", async () => {
    await page.getByTestId("connector-create").click();
    await page.getByTestId("connector-plugin").selectOption("org.apache.kafka.connect.file.FileStreamSourceConnector");
    await expect(page.getByTestId("field-file")).toBeVisible({ timeout: 30_000 });
    await page.getByTestId("connector-name").fill(name);
    await page.getByTestId("field-file").fill(file);
    await page.getByTestId("field-topic").fill(topic);
    await page.getByTestId("field-tasks.max").fill("many");
    await page.getByTestId("connector-submit").click();
    await expect(page.getByTestId("field-tasks.max-error")).toContainText("Invalid value many", { timeout: 30_000 });
    await expect(page.getByTestId("connector-verdict")).toContainText("errors in 1 field");
    await keepScreenshot(page, "connect-create-form-error");
  });

  await test.step("fixed, it is created and runs; its records arrive in the topic", async () => {
    await page.getByTestId("field-tasks.max").fill("1");
    await page.getByTestId("connector-submit").click();
    // the worker validates, creates and is read back before the page moves on: seconds on a busy host
    await expect(page).toHaveURL(new RegExp(`/connect/local/connectors/${name}$`), { timeout: 30_000 });
    await expect(page.getByTestId("connector-state")).toHaveText("RUNNING", { timeout: 30_000 });
    await expect(page.getByTestId("task-state-0")).toHaveText("RUNNING");
    await expect(page.getByTestId("connector-topics")).toContainText(topic, { timeout: 30_000 });
    await keepScreenshot(page, "connect-connector-running");
  });

  await test.step("paused through the confirm dialog, the page shows PAUSED without a reload", async () => {
    await page.getByTestId("connector-pause").click();
    await expect(page.getByTestId("connector-confirm")).toContainText(`Pause ${name}?`);
    await page.getByTestId("connector-confirm-button").click();
    await expect(page.getByTestId("connector-state")).toHaveText("PAUSED", { timeout: 20_000 });
    await expect(page.getByTestId("task-state-0")).toHaveText("PAUSED");
    await expect(page.getByTestId("connector-resume")).toBeVisible();
    await keepScreenshot(page, "connect-connector-paused");
  });

  await test.step("the list shows it PAUSED with its class, tasks and topic", async () => {
    await page.goto("/clusters/local/connect/local");
    await expect(page.getByTestId(`connector-state-${name}`)).toHaveText("PAUSED", { timeout: 30_000 });
    await expect(page.getByTestId(`connector-row-${name}`)).toContainText("FileStreamSourceConnector");
    await expect(page.getByTestId(`connector-row-${name}`)).toContainText(topic);
    await keepScreenshot(page, "connect-connectors-list");
  });
});

test("a team requests a connector through the request form; its approver approves; the worker runs it", async ({
  browser,
  baseURL,
  request,
}) => {
  test.setTimeout(180_000);
  const team = (await ensureTeam(request, "e2e-conn", ["e2e.conn."])).id;
  await ensureUser(request, "conn-dev@e2e.test", "Cora Connect", { local: "viewer" }, [team]);
  await ensureUser(request, "conn-lead@e2e.test", "Lars Connect", { local: "approver" }, [team]);
  await admin.createTopics({ topics: [{ topic: requestedTopic, numPartitions: 1 }] });

  const dev = await (await contextAs(browser, baseURL!, "conn-dev@e2e.test")).newPage();
  await dev.goto("/clusters/local/requests");
  await dev.getByTestId("new-request-button").click();
  const dialog = dev.getByTestId("new-request-dialog");
  await dialog.getByTestId("request-kind").selectOption("connector");
  await expect(dialog.getByTestId("request-connect")).toHaveValue("local");
  await dialog.getByTestId("request-topic").fill(requested);
  await dialog
    .getByTestId("request-configs")
    .fill(
      `connector.class=org.apache.kafka.connect.file.FileStreamSourceConnector\ntasks.max=1\nfile=${file}\ntopic=${requestedTopic}`,
    );
  await dialog.getByTestId("request-justification").fill("Loads the shop's order file into Kafka.");
  await dialog.getByTestId("request-check").click();
  await expect(dialog.getByTestId("request-plan")).toContainText(`Create connector "${requested}"`);
  await keepScreenshot(dev, "connect-request-check");
  await dialog.getByTestId("request-submit").click();
  await expect(dev).toHaveURL(/\/clusters\/local\/requests\/[^/]+$/);
  const url = new URL(dev.url()).pathname;

  const lead = await (await contextAs(browser, baseURL!, "conn-lead@e2e.test")).newPage();
  await lead.goto(url);
  await lead.getByTestId("request-approve").click();
  await expect(lead.getByTestId("request-status")).toHaveText("provisioned", { timeout: 30_000 });
  await keepScreenshot(lead, "connect-request-provisioned");
  await lead.goto(`/clusters/local/connect/local/connectors/${encodeURIComponent(requested)}`);
  await expect(lead.getByTestId("connector-state")).toHaveText("RUNNING", { timeout: 30_000 });
});
