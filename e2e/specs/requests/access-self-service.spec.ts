import { expect, test } from "@playwright/test";
import { produce } from "../../../test/kafka-admin";
import { scramConsume } from "../../../test/scram-client";
import { contextAs, ensureTeam, ensureUser } from "../../fixtures/accounts";
import { KafkaFixture } from "../../fixtures/kafka";
import { keepScreenshot } from "../../fixtures/screenshot";

// Team self-service for access, as two people in two browsers: analytics asks checkout for its topic, checkout's
// approver decides, a real Kafka consumer authenticated as analytics' principal reads it, the grant is revoked and
// the same consumer is refused. The broker, not Sluice, has the last word each time.
const kafka = new KafkaFixture();
const u = Date.now().toString(36);
const topic = `e2e.shop.orders.${u}`;
const user = `e2e-ana-etl-${u}`;
const principal = `User:${user}`;
const login = { username: user, password: `e2e-${u}-scram-secret` };
const EMAIL = { dev: "ana-dev@e2e.test", lead: "shop-lead@e2e.test", anaLead: "ana-lead@e2e.test" };

test.afterAll(async ({ request }) => {
  await request.delete(`/api/clusters/local/acls?principal=${encodeURIComponent(principal)}`);
  await request.delete(`/api/clusters/local/scram-users/${user}`);
  await kafka.cleanup();
});

test("analytics requests read access to checkout's topic; checkout's approver approves; a real consumer reads; revoked, it is refused", async ({
  browser,
  baseURL,
  request,
}) => {
  test.setTimeout(300_000);
  const shop = (await ensureTeam(request, "e2e-shop", ["e2e.shop."])).id;
  const ana = (await ensureTeam(request, "e2e-analytics", ["e2e.ana."])).id;
  await ensureUser(request, EMAIL.dev, "Dana Analytics", { local: "viewer" }, [ana]);
  await ensureUser(request, EMAIL.anaLead, "Lee Analytics", { local: "approver" }, [ana]);
  await ensureUser(request, EMAIL.lead, "Sasha Checkout", { local: "approver" }, [shop]);
  expect(
    (
      await request.post("/api/clusters/local/principals", {
        data: { principal, teamId: ana, description: "analytics pipeline" },
      })
    ).status(),
  ).toBe(201);
  expect(
    (
      await request.post("/api/clusters/local/scram-users", { data: { name: user, password: login.password } })
    ).status(),
  ).toBe(201);
  await kafka.createTopics([topic]);
  await produce(topic, 3);

  // Dana (analytics) asks through the form; the check names who decides.
  const devCtx = await contextAs(browser, baseURL!, EMAIL.dev);
  const dev = await devCtx.newPage();
  await dev.goto("/clusters/local/requests");
  await dev.getByTestId("new-request-button").click();
  const dialog = dev.getByTestId("new-request-dialog");
  await dialog.getByTestId("request-kind").selectOption("access");
  await dialog.getByTestId("request-principal").selectOption(principal);
  await dialog.getByTestId("request-resource").fill(topic);
  await dialog.getByTestId("request-group").fill(`e2e.ana.reader.${u}`);
  await dialog.getByTestId("request-justification").fill("The revenue dashboard reads every order.");
  await dialog.getByTestId("request-check").click();
  await expect(dialog.getByTestId("request-plan")).toContainText('Decided by the approvers of team "e2e-shop"');
  await keepScreenshot(dev, "access-request-check");
  await dialog.getByTestId("request-submit").click();
  await expect(dev).toHaveURL(/\/clusters\/local\/requests\/[^/]+$/);
  const requestUrl = new URL(dev.url()).pathname;
  await expect(dev.getByTestId("request-deciding")).toHaveText("approvers of e2e-shop");
  await expect(dev.getByTestId("decision-unavailable")).toBeVisible();

  // Not granted yet: the broker refuses the principal.
  expect((await scramConsume(login, topic)).error).toBe("TOPIC_AUTHORIZATION_FAILED");

  // Analytics' own approver cannot decide it; checkout's approver can.
  const anaLead = await (await contextAs(browser, baseURL!, EMAIL.anaLead)).newPage();
  await anaLead.goto(requestUrl);
  await expect(anaLead.getByTestId("decision-unavailable")).toContainText(
    'Approvers of team "e2e-shop" decide this request.',
  );
  const leadCtx = await contextAs(browser, baseURL!, EMAIL.lead);
  const lead = await leadCtx.newPage();
  await lead.goto("/clusters/local/requests");
  await lead.getByTestId("requests-tab-queue").click();
  await lead.getByTestId("request-link").filter({ hasText: topic }).click();
  await lead.getByTestId("request-approve").click();
  await expect(lead.getByTestId("request-status")).toHaveText("provisioned");
  // The requester sees it live.
  await expect(dev.getByTestId("request-status")).toHaveText("provisioned");
  await keepScreenshot(lead, "access-request-approved");

  const read = await scramConsume(login, topic);
  expect(read.ok, read.line).toBe(true);
  expect(read.values).toEqual(["v0", "v1", "v2"]);

  // Revoked by the owner's approver: exactly the grant's bindings go, and the broker refuses again.
  await lead.getByTestId("revoke-comment").fill("The dashboard moved to the warehouse.");
  await lead.getByTestId("request-revoke").click();
  await expect(lead.getByTestId("request-revoked")).toBeVisible();
  await keepScreenshot(lead, "access-request-revoked");
  expect((await scramConsume(login, topic)).error).toBe("TOPIC_AUTHORIZATION_FAILED");
  const left = await (await request.get(`/api/clusters/local/acls?principal=${encodeURIComponent(principal)}`)).json();
  expect(left.bindings).toEqual([]);
});
