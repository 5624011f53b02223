import { expect, test } from "@playwright/test";
import { contextAs, ensureTeam, ensureUser } from "../../fixtures/accounts";
import { KafkaFixture, uniqueTopicName } from "../../fixtures/kafka";
import { keepScreenshot } from "../../fixtures/screenshot";

// The bell, as two people: a viewer asks for a topic, the team's approver sees it waiting in their bell, approves;
// the viewer's bell then says it was approved and provisioned. Routed by the server's own sampler and evaluation.
const kafka = new KafkaFixture();
const topic = uniqueTopicName("bell");
const EMAIL = { dev: "bell-dev@e2e.test", lead: "bell-lead@e2e.test" };

test.afterAll(async () => {
  await kafka.cleanup();
});

test("a request reaches the approver's bell, and the decision reaches the requester's", async ({
  browser,
  baseURL,
  request,
}) => {
  test.setTimeout(180_000);
  const team = (await ensureTeam(request, "e2e-bell", ["e2e.bell."])).id;
  await ensureUser(request, EMAIL.dev, "Dev Bell", { local: "viewer" }, [team]);
  await ensureUser(request, EMAIL.lead, "Lead Bell", { local: "approver" }, [team]);
  const devCtx = await contextAs(browser, baseURL!, EMAIL.dev);
  const leadCtx = await contextAs(browser, baseURL!, EMAIL.lead);
  const sub = await devCtx.request.post("/api/clusters/local/requests", {
    data: {
      kind: "create",
      topicName: topic,
      teamId: team,
      partitions: 1,
      replicationFactor: 1,
      configs: { "retention.ms": "86400000" },
      justification: "the bell test",
    },
  });
  expect(sub.status(), await sub.text()).toBe(201);
  const id = (await sub.json()).id as string;
  kafka.track(topic);

  const lead = await leadCtx.newPage();
  await lead.goto("/clusters/local/requests");
  const bell = lead.getByTestId("notification-bell");
  // the bell polls every 15 s
  await expect(lead.getByTestId("notification-count")).toHaveText(/^[1-9]/, { timeout: 60_000 });
  await bell.click();
  const panel = lead.getByTestId("notification-panel");
  const item = panel.getByTestId("notification-item").filter({ hasText: topic });
  await expect(item).toContainText(`Dev Bell asks: create "${topic}" on local; waiting for your decision`);
  await expect(item).toHaveAttribute("data-read", "false");
  await keepScreenshot(lead, "notification-bell-approver");
  await panel.getByTestId("mark-all-read").click();
  await expect(item).toHaveAttribute("data-read", "true");
  await expect(lead.getByTestId("notification-count")).toHaveCount(0);
  // the link leads to the request
  await item.getByRole("link").click();
  await expect(lead).toHaveURL(new RegExp(`/clusters/local/requests/${id}$`));

  const dec = await leadCtx.request.post(`/api/clusters/local/requests/${id}/decision`, {
    data: { decision: "approve" },
  });
  expect(dec.status(), await dec.text()).toBe(200);

  const dev = await devCtx.newPage();
  await dev.goto("/clusters/local/requests");
  await expect(dev.getByTestId("notification-count")).toHaveText(/^([2-9]|\d{2,})/, { timeout: 60_000 });
  await dev.getByTestId("notification-bell").click();
  const mine = dev.getByTestId("notification-panel").getByTestId("notification-item").filter({ hasText: topic });
  await expect(mine).toHaveCount(2);
  await expect(mine.filter({ hasText: "approved by Lead Bell" })).toHaveCount(1);
  await expect(mine.filter({ hasText: "was provisioned" })).toHaveCount(1);
  await keepScreenshot(dev, "notification-bell-requester");
  await devCtx.close();
  await leadCtx.close();
});

test("a topic's page marks the alerts firing about it, and the admin's bell lists them", async ({ page, request }) => {
  test.setTimeout(180_000);
  const quiet = uniqueTopicName("quiet");
  await kafka.createTopics([quiet]);
  const rule = await request.post("/api/clusters/local/alerts/rules", {
    data: { name: "quiet topic", params: { kind: "topic_idle", topic: quiet, minutes: 0.05 } },
  });
  expect(rule.status(), await rule.text()).toBe(201);
  const ruleId = (await rule.json()).id as string;
  await page.goto(`/clusters/local/topics/${encodeURIComponent(quiet)}`);
  // the markers refresh every 5 s; the rule fires after two samples and 3 s without records
  await expect(page.getByTestId("alert-markers")).toContainText(
    `quiet topic is firing: No records produced into "${quiet}"`,
    { timeout: 120_000 },
  );
  await keepScreenshot(page, "alerts-topic-marker");
  await page.getByTestId("notification-bell").click();
  await expect(page.getByTestId("notification-alerts")).toContainText(
    `quiet topic on local: No records produced into "${quiet}"`,
  );
  await keepScreenshot(page, "notification-bell-alerts");
  expect((await request.delete(`/api/clusters/local/alerts/rules/${ruleId}`)).status()).toBe(204);
});
