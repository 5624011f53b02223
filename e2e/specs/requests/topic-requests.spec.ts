import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { contextAs, ensureTeam, ensureUser, E2E_PASSWORD } from "../../fixtures/accounts";
import { KafkaFixture } from "../../fixtures/kafka";
import { keepScreenshot } from "../../fixtures/screenshot";

const kafka = new KafkaFixture();
const u = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;
const EMAIL = { rita: "rita@e2e.test", alan: "alan@e2e.test", abby: "abby@e2e.test", sam: "sam@e2e.test" };
let pay = "";

const createBody = (topicName: string) => ({
  kind: "create",
  topicName,
  teamId: pay,
  partitions: 2,
  replicationFactor: 1,
  configs: { "retention.ms": "86400000" },
  justification: "end-to-end test of the request flow",
});

async function submitAs(request: APIRequestContext, topicName: string): Promise<string> {
  const res = await request.post("/api/clusters/local/requests", { data: createBody(topicName) });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()).id;
}

async function auditFor(admin: APIRequestContext, q: string) {
  return (await (await admin.get(`/api/audit?q=${encodeURIComponent(q)}&limit=100`)).json()).events as {
    action: string;
    actor: string;
    result: string;
  }[];
}

const openRequest = (page: Page, id: string) => page.goto(`/clusters/local/requests/${id}`);

test.beforeAll(async ({ request }) => {
  pay = (await ensureTeam(request, "e2e-payments", ["e2e.pay."])).id;
  const ship = (await ensureTeam(request, "e2e-shipping", ["e2e.ship."])).id;
  await ensureUser(request, EMAIL.rita, "Rita Requester", { local: "viewer" }, [pay]);
  await ensureUser(request, EMAIL.alan, "Alan Approver", { local: "approver" }, [pay]);
  await ensureUser(request, EMAIL.abby, "Abby Approver", { local: "approver" }, [pay]);
  await ensureUser(request, EMAIL.sam, "Sam Shipping", { local: "approver" }, [ship]);
  const policy = await request.put("/api/clusters/local/policy", {
    data: {
      namePattern: null,
      requireTeamPrefix: true,
      minPartitions: 1,
      maxPartitions: 12,
      minReplication: 1,
      maxReplication: 1,
      minRetentionMs: "3600000",
      maxRetentionMs: "604800000",
      requiredConfigs: ["retention.ms"],
    },
  });
  expect(policy.status()).toBe(200);
});
test.afterAll(() => kafka.cleanup());

test("a requester signs in, submits through the form, an approver approves, the topic exists as asked, the audit shows the chain", async ({
  browser,
  baseURL,
  request,
}) => {
  const topic = `e2e.pay.orders.${u()}`;
  kafka.track(topic);
  // Rita signs in through the sign-in page (a wrong password first).
  const ritaCtx = await browser.newContext({
    baseURL,
    storageState: { cookies: [], origins: [] },
    viewport: { width: 1440, height: 900 },
  });
  const rita = await ritaCtx.newPage();
  await rita.goto("/clusters/local/requests");
  await expect(rita).toHaveURL(/\/login\?next=/);
  await rita.getByTestId("sign-in-email").fill(EMAIL.rita);
  await rita.getByTestId("sign-in-password").fill("wrong password");
  await rita.getByTestId("sign-in-submit").click();
  await expect(rita.getByTestId("error-state")).toContainText("Email or password is incorrect.");
  await keepScreenshot(rita, "sign-in-error");
  await rita.getByTestId("sign-in-password").fill(E2E_PASSWORD);
  await rita.getByTestId("sign-in-submit").click();
  await expect(rita).toHaveURL(/\/clusters\/local\/requests$/);
  await expect(rita.getByTestId("user-name")).toHaveText("Rita Requester");

  await rita.getByTestId("new-request-button").click();
  const dialog = rita.getByTestId("new-request-dialog");
  await dialog.getByTestId("request-topic").fill(topic);
  await dialog.getByTestId("request-partitions").fill("40");
  await dialog.getByTestId("request-justification").fill("order events for the fulfilment services");
  await dialog.getByTestId("request-check").click();
  await expect(dialog.getByTestId("request-violations")).toContainText("40 partitions is above the maximum of 12");
  await expect(dialog.getByTestId("request-violations")).toContainText("retention.ms must be set");
  await expect(dialog.getByTestId("request-submit")).toBeDisabled();
  await keepScreenshot(rita, "request-policy-violations");
  await dialog.getByTestId("request-partitions").fill("4");
  await dialog.getByTestId("request-configs").fill("retention.ms=86400000\ncleanup.policy=compact");
  await dialog.getByTestId("request-check").click();
  await expect(dialog.getByTestId("request-plan")).toContainText(`Create topic "${topic}"`);
  await expect(dialog.getByTestId("request-plan")).toContainText("4 partitions");
  await keepScreenshot(rita, "request-dry-run");
  await dialog.getByTestId("request-submit").click();
  await expect(rita).toHaveURL(/\/clusters\/local\/requests\/[^/]+$/);
  const requestId = rita.url().split("/").pop()!;
  await expect(rita.getByTestId("request-status")).toHaveText("pending");
  await expect(rita.getByTestId("decision-unavailable")).toBeVisible();

  // Alan, an approver of the team, approves from his own browser; Rita's open page follows live.
  const alanCtx = await contextAs(browser, baseURL!, EMAIL.alan);
  const alan = await alanCtx.newPage();
  await alan.goto("/clusters/local/requests");
  await alan.getByTestId("requests-tab-queue").click();
  await expect(alan.getByTestId(`request-row-${topic}`)).toBeVisible();
  await keepScreenshot(alan, "requests-queue");
  await alan.getByTestId(`request-row-${topic}`).getByTestId("request-link").click();
  await alan.getByTestId("decision-comment").fill("fine, compacted is right for order state");
  await alan.getByTestId("request-approve").click();
  await expect(alan.getByTestId("request-status")).toHaveText("provisioned", { timeout: 20_000 });
  await expect(rita.getByTestId("request-status")).toHaveText("provisioned", { timeout: 10_000 });
  await expect(rita.getByTestId("request-comment")).toContainText("compacted is right");
  await keepScreenshot(rita, "request-provisioned");

  expect(await kafka.describeTopic(topic)).toEqual({
    partitions: 4,
    overrides: { "retention.ms": "86400000", "cleanup.policy": "compact" },
  });

  const chain = await auditFor(request, requestId);
  expect(chain.map((e) => e.action).reverse()).toEqual([
    "request.submitted",
    "request.approved",
    "request.provisioned",
  ]);
  expect((await auditFor(request, topic)).map((e) => [e.action, e.actor])).toContainEqual([
    "topic.created",
    EMAIL.alan,
  ]);

  const admin = await browser.newPage();
  await admin.goto("/audit");
  await admin.getByTestId("audit-search").fill(requestId);
  await expect(admin.getByTestId("audit-count")).toHaveText("3 event(s) loaded");
  await expect(admin.getByTestId("audit-row-request.provisioned")).toBeVisible();
  await expect(admin.getByTestId("audit-row-request.submitted")).toContainText(EMAIL.rita);
  await admin.getByTestId("audit-row-request.approved").getByTestId("audit-open").click();
  await expect(admin.getByTestId("audit-event-dialog")).toContainText("compacted is right");
  await keepScreenshot(admin, "audit-log");
  await admin.close();
  await ritaCtx.close();
  await alanCtx.close();
});

test("reject path: the approver rejects with a reason, nothing is created", async ({ browser, baseURL }) => {
  const topic = `e2e.pay.rejected.${u()}`;
  const ritaCtx = await contextAs(browser, baseURL!, EMAIL.rita);
  const id = await submitAs(ritaCtx.request, topic);
  const alanCtx = await contextAs(browser, baseURL!, EMAIL.alan);
  const alan = await alanCtx.newPage();
  await openRequest(alan, id);
  await alan.getByTestId("request-reject").click();
  await expect(alan.getByTestId("error-state")).toContainText("say why when rejecting");
  await alan.getByTestId("decision-comment").fill("use the existing payments.orders topic");
  await alan.getByTestId("request-reject").click();
  await expect(alan.getByTestId("request-status")).toHaveText("rejected");
  await expect(alan.getByTestId("request-comment")).toContainText("existing payments.orders");
  expect(await kafka.topicExists(topic)).toBe(false);
  await ritaCtx.close();
  await alanCtx.close();
});

test("self-approval is refused in the UI and by the server", async ({ browser, baseURL }) => {
  const alanCtx = await contextAs(browser, baseURL!, EMAIL.alan);
  const id = await submitAs(alanCtx.request, `e2e.pay.self.${u()}`);
  const alan = await alanCtx.newPage();
  await openRequest(alan, id);
  await expect(alan.getByTestId("decision-unavailable")).toHaveText(
    "You submitted this request; another approver must decide it.",
  );
  await expect(alan.getByTestId("request-approve")).toHaveCount(0);
  const res = await alanCtx.request.post(`/api/clusters/local/requests/${id}/decision`, {
    data: { decision: "approve" },
  });
  expect(res.status()).toBe(403);
  await keepScreenshot(alan, "request-self-approval");
  await alanCtx.request.post(`/api/clusters/local/requests/${id}/cancel`);
  await alanCtx.close();
});

test("two approvers approving at once: one provisioning, the other told it was already decided", async ({
  browser,
  baseURL,
  request,
}) => {
  // Three people's pages and a provisioning: more than the default budget on a busy host.
  test.setTimeout(120_000);
  const topic = `e2e.pay.race.${u()}`;
  kafka.track(topic);
  const ritaCtx = await contextAs(browser, baseURL!, EMAIL.rita);
  const id = await submitAs(ritaCtx.request, topic);
  const [alanCtx, abbyCtx] = await Promise.all([
    contextAs(browser, baseURL!, EMAIL.alan),
    contextAs(browser, baseURL!, EMAIL.abby),
  ]);
  const [alan, abby] = await Promise.all([alanCtx.newPage(), abbyCtx.newPage()]);
  await Promise.all([openRequest(alan, id), openRequest(abby, id)]);
  await Promise.all([
    expect(alan.getByTestId("request-approve")).toBeEnabled(),
    expect(abby.getByTestId("request-approve")).toBeEnabled(),
  ]);
  // Both clicks dispatched in the same moment, without waiting for actionability: a click that waits can land after
  // the other approval already reached its page over the live stream and removed the button.
  await Promise.all([
    alan.getByTestId("request-approve").dispatchEvent("click"),
    abby.getByTestId("request-approve").dispatchEvent("click"),
  ]);
  // Both pages end on "provisioned" (the loser through the live stream); exactly one also shows the 409.
  await expect(alan.getByTestId("request-status")).toHaveText("provisioned", { timeout: 20_000 });
  await expect(abby.getByTestId("request-status")).toHaveText("provisioned", { timeout: 20_000 });
  const told = (p: Page) => p.getByText(/is (APPROVED|PROVISIONED) now/).count();
  await expect.poll(async () => (await told(alan)) + (await told(abby)), { timeout: 10_000 }).toBe(1);
  const events = await auditFor(request, id);
  expect(events.filter((e) => e.action === "request.approved")).toHaveLength(1);
  expect((await auditFor(request, topic)).filter((e) => e.action === "topic.created")).toHaveLength(1);
  expect((await kafka.describeTopic(topic))?.partitions).toBe(2);
  await keepScreenshot((await told(alan)) ? alan : abby, "request-race-loser");
  await Promise.all([ritaCtx.close(), alanCtx.close(), abbyCtx.close()]);
});

test("team B cannot see, decide or request for team A, nor change team A's topics", async ({ browser, baseURL }) => {
  const topic = `e2e.pay.private.${u()}`;
  const ritaCtx = await contextAs(browser, baseURL!, EMAIL.rita);
  const id = await submitAs(ritaCtx.request, topic);
  const samCtx = await contextAs(browser, baseURL!, EMAIL.sam);
  const sam = await samCtx.newPage();
  await openRequest(sam, id);
  await expect(sam.getByTestId("error-state")).toContainText("that you can see");
  await sam.goto("/clusters/local/requests");
  await expect(sam.getByTestId("requests-table")).toBeVisible();
  await expect(sam.getByTestId(`request-row-${topic}`)).toHaveCount(0);
  expect(
    (
      await samCtx.request.post(`/api/clusters/local/requests/${id}/decision`, { data: { decision: "approve" } })
    ).status(),
  ).toBe(404);
  expect(
    (await samCtx.request.post("/api/clusters/local/requests", { data: createBody(`e2e.pay.sneaky.${u()}`) })).status(),
  ).toBe(403);
  expect((await samCtx.request.delete(`/api/clusters/local/topics/${encodeURIComponent(topic)}`)).status()).toBe(403);
  await keepScreenshot(sam, "requests-other-team");
  await ritaCtx.request.post(`/api/clusters/local/requests/${id}/cancel`);
  await Promise.all([ritaCtx.close(), samCtx.close()]);
});

test("drift: a config changed with an independent client is flagged on the request and the topic page", async ({
  browser,
  baseURL,
  page,
}) => {
  const topic = `e2e.pay.drift.${u()}`;
  kafka.track(topic);
  const ritaCtx = await contextAs(browser, baseURL!, EMAIL.rita);
  const id = await submitAs(ritaCtx.request, topic);
  const alanCtx = await contextAs(browser, baseURL!, EMAIL.alan);
  expect(
    (
      await (
        await alanCtx.request.post(`/api/clusters/local/requests/${id}/decision`, { data: { decision: "approve" } })
      ).json()
    ).status,
  ).toBe("PROVISIONED");
  await kafka.setTopicConfig(topic, "retention.ms", "3600000");

  await page.goto("/clusters/local/requests");
  await page.getByTestId("check-drift").click();
  await expect(page.getByTestId("drift-result")).toContainText("drifted");
  await expect(page.getByTestId(`request-row-${topic}`).getByTestId("request-drift-flag")).toBeVisible();
  await page.goto(`/clusters/local/topics/${encodeURIComponent(topic)}`);
  await expect(page.getByTestId("topic-drift")).toContainText("retention.ms 86400000 → 3600000");
  await keepScreenshot(page, "topic-drift");
  await openRequest(page, id);
  await expect(page.getByTestId("request-drift")).toContainText("retention.ms: 86400000 requested, 3600000 now");
  await Promise.all([ritaCtx.close(), alanCtx.close()]);
});
