import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { commitOffsets, produce } from "../../../test/kafka-admin";
import { contextAs, ensureTeam, ensureUser } from "../../fixtures/accounts";
import { KafkaFixture, uniqueTopicName } from "../../fixtures/kafka";
import { keepScreenshot } from "../../fixtures/screenshot";

const kafka = new KafkaFixture();
const received: { state: string; subject: string; message: string }[] = [];
let receiver: Server;
let url = "";

test.beforeAll(async () => {
  receiver = createServer((req, res) => {
    let body = "";
    req.on("data", (d) => (body += d));
    req.on("end", () => {
      try {
        received.push(JSON.parse(body));
      } catch {
        /* not ours */
      }
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
  url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
});
test.afterAll(async () => {
  await kafka.cleanup();
  await new Promise((r) => receiver.close(r));
});

test("alert rules: create a rule in the UI, a consumer stops, the alert fires on the page and at the webhook", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const topic = uniqueTopicName("alert");
  const group = `${topic}.consumer`;
  // unique per run: a rule left by an interrupted run must not match the row locators below
  const ruleName = `stopped consumers ${topic.slice(-6)}`;
  await kafka.createTopics([topic]);
  await produce(topic, 20);

  await page.goto("/clusters/local/alerts");
  await expect(page.getByTestId("nav-alerts")).toHaveAttribute("aria-current", "page");
  await expect(page.getByTestId("alerts-none-firing")).toBeVisible();

  // A threshold left empty is refused, naming the field.
  await page.getByTestId("alert-rule-name").fill("slow consumers");
  await page.getByTestId("alert-rule-save").click();
  await expect(page.getByTestId("alert-rule-error")).toContainText("params.thresholdSeconds");

  await page.getByTestId("alert-rule-name").fill(ruleName);
  await page.getByTestId("alert-rule-kind").selectOption("group_health");
  await page.getByTestId("alert-rule-target").fill(`${topic}*`);
  await page.getByTestId("alert-rule-webhook").fill(url);
  await page.getByTestId("alert-rule-save").click();
  const row = page.getByTestId("alert-rule-row").filter({ hasText: ruleName });
  await expect(row).toContainText(`groups starting with "${topic}" in STALL, STOP, REWIND`);
  await expect(row).toContainText("webhook 127.0.0.1");
  await keepScreenshot(page, "alerts-rule-created");

  // The consumer stops with records left to read: its last commit stays at 5 of 20.
  await commitOffsets(group, topic, { 0: 5 });
  const firing = page.getByTestId("alert-state-row").filter({ hasText: group });
  await expect(firing).toContainText("firing", { timeout: 120_000 });
  await expect(firing).toContainText("is STOP");
  await expect.poll(() => received.find((r) => r.subject === group)?.state, { timeout: 30_000 }).toBe("firing");
  await expect(page.getByTestId("alert-history-row").first()).toContainText("firing");
  await keepScreenshot(page, "alerts-firing");

  // The group's own page says so too.
  await page.goto(`/clusters/local/consumer-groups/${encodeURIComponent(group)}`);
  await expect(page.getByTestId("alert-markers")).toContainText(`${ruleName} is firing`, { timeout: 30_000 }); // the group page loads slowly on a busy host
  await keepScreenshot(page, "alerts-group-marker");
  await page.goto("/clusters/local/alerts");

  await row.getByTestId("alert-rule-delete").click();
  await expect(row).toHaveCount(0);
});

test("team rules: a team's approver creates a rule for the team's groups, and nothing outside its prefixes", async ({
  browser,
  baseURL,
  request,
}) => {
  test.setTimeout(120_000);
  const team = await ensureTeam(request, "e2e-alerts-team", ["e2e.alerts."]);
  await ensureUser(request, "alerts-lead@e2e.test", "Lead Alerts", { local: "approver" }, [team.id]);
  const ctx = await contextAs(browser, baseURL!, "alerts-lead@e2e.test");
  const page = await ctx.newPage();
  const name = `team lag ${Date.now().toString(36)}`;
  await page.goto("/clusters/local/alerts");
  // an approver picks among their own teams only (no admins' rule)
  await expect(page.getByTestId("alert-rule-team").locator("option")).toHaveText(["e2e-alerts-team"]);
  await page.getByTestId("alert-rule-name").fill(name);
  await page.getByTestId("alert-rule-target").fill("e2e.other.consumer");
  await page.getByTestId("alert-rule-number").fill("120");
  await page.getByTestId("alert-rule-save").click();
  await expect(page.getByTestId("alert-rule-error")).toContainText(
    'params.group: "e2e.other.consumer" is not within team "e2e-alerts-team"',
  );
  await page.getByTestId("alert-rule-target").fill("e2e.alerts.*");
  await page.getByTestId("alert-rule-save").click();
  const row = page.getByTestId("alert-rule-row").filter({ hasText: name });
  await expect(row.getByTestId("alert-rule-team-cell")).toHaveText("e2e-alerts-team");
  await expect(row).toContainText('groups starting with "e2e.alerts." more than 120 s behind');
  await keepScreenshot(page, "alerts-team-rule");
  await row.getByTestId("alert-rule-delete").click();
  await expect(row).toHaveCount(0);
  await ctx.close();
});
