import { expect, test } from "@playwright/test";
import { scramMetadata } from "../../../test/scram-client";
import { KafkaFixture, uniqueTopicName } from "../../fixtures/kafka";
import { keepScreenshot } from "../../fixtures/screenshot";

const kafka = new KafkaFixture();
test.afterAll(async () => kafka.cleanup());

test("ACLs: create with a preview, see it on the principal and topic pages, delete what a filter matches", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const topic = uniqueTopicName("acl");
  const principal = `User:e2e-svc-${Date.now().toString(36)}`;
  await kafka.createTopics([topic]);

  await page.goto("/clusters/local/acls");
  await expect(page.getByTestId("nav-acls")).toHaveAttribute("aria-current", "page");
  await page.getByTestId("acl-create").click();
  const dialog = page.getByTestId("create-acl-dialog");
  await dialog.getByTestId("acl-form-principal").fill(principal);
  await dialog.getByTestId("acl-form-resourceName").fill(topic);
  await dialog.getByTestId("acl-form-operation").selectOption("WRITE");
  await dialog.getByTestId("acl-create-preview").click();
  await expect(dialog.getByTestId("acl-create-preview-result")).toContainText(`ALLOW ${principal} from *`);
  await expect(dialog.getByTestId("acl-create-preview-result")).toContainText(`WRITE on TOPIC LITERAL "${topic}"`);
  await keepScreenshot(page, "acl-create-preview");
  await dialog.getByTestId("acl-create-confirm").click();
  await expect(dialog.getByTestId("acl-create-done")).toHaveText("Created.");
  await dialog.getByRole("button", { name: "Close" }).first().click();

  // A DENY for everyone would lock Sluice out: refused with the reason.
  await page.getByTestId("acl-create").click();
  await dialog.getByTestId("acl-form-principal").fill("User:*");
  await dialog.getByTestId("acl-form-resourceName").fill(topic);
  await dialog.getByTestId("acl-form-permission").selectOption("DENY");
  await dialog.getByTestId("acl-create-preview").click();
  await expect(dialog.getByTestId("acl-create-error")).toContainText("lock Sluice out");
  await page.keyboard.press("Escape");

  await page.getByTestId("acl-filter-principal").fill(principal);
  await page.getByTestId("acl-filter-apply").click();
  await expect(page.getByTestId("acl-count")).toHaveText("1 binding", { timeout: 30_000 });
  await keepScreenshot(page, "acl-list");

  // The principal page: WRITE allowed, DESCRIBE implied, READ not.
  await page.getByTestId("acl-table").getByRole("link", { name: principal }).click();
  const row = page.getByTestId(`effective-TOPIC-LITERAL-${topic}`);
  await expect(row.getByTestId("op-WRITE")).toHaveAttribute("data-decision", "allow");
  await expect(row.getByTestId("op-DESCRIBE")).toHaveAttribute("data-decision", "allow");
  await expect(row.getByTestId("op-READ")).toHaveAttribute("data-decision", "no-acl");
  await page.getByTestId("check-name").fill(topic);
  await page.getByTestId("check-operation").selectOption("WRITE");
  await expect(page.getByTestId("check-result")).toHaveAttribute("data-decision", "allow");
  await keepScreenshot(page, "acl-principal");

  // The topic's ACL tab shows the bindings that apply to it.
  await page.goto(`/clusters/local/topics/${encodeURIComponent(topic)}`);
  await page.getByTestId("topic-tab-acls").click();
  await expect(page.getByTestId("acl-table")).toContainText(principal);
  await keepScreenshot(page, "acl-topic-tab");

  // Delete what the filter matches, after the preview lists it.
  await page.goto(`/clusters/local/acls?principal=${encodeURIComponent(principal)}`);
  await expect(page.getByTestId("acl-count")).toHaveText("1 binding", { timeout: 30_000 });
  await page.getByTestId("acl-delete").click();
  const del = page.getByTestId("delete-acls-dialog");
  await expect(del.getByTestId("acl-delete-preview")).toContainText(topic);
  await keepScreenshot(page, "acl-delete-preview");
  await del.getByTestId("acl-delete-confirm").click();
  await expect(del.getByTestId("acl-delete-done")).toHaveText("Deleted 1 binding.");
  await del.getByRole("button", { name: "Close" }).first().click();
  await expect(page.getByTestId("acl-count")).toHaveText("0 bindings", { timeout: 30_000 });
});

test("SCRAM users: create with a generated password shown once, rotate, delete", async ({ page }) => {
  test.setTimeout(180_000);
  const name = `e2e-scram-${Date.now().toString(36)}`;
  await page.goto("/clusters/local/scram-users");
  await page.getByTestId("scram-create").click();
  const dialog = page.getByTestId("scram-dialog");
  await dialog.getByTestId("scram-name").fill(name);
  await dialog.getByTestId("scram-submit").click();
  const password = (await dialog.getByTestId("scram-password").textContent())!.trim();
  expect(password).toMatch(/^[A-Za-z0-9_-]{32}$/);
  await keepScreenshot(page, "scram-created");
  // The broker accepts the password for a real SCRAM client.
  expect((await scramMetadata({ username: name, password })).ok).toBe(true);
  await dialog.getByTestId("scram-done").click();
  await expect(page.getByTestId(`scram-row-${name}`)).toContainText("SCRAM-SHA-512 (8192 iterations)");
  await expect(page.locator("body")).not.toContainText(password);
  await keepScreenshot(page, "scram-list");

  await page.getByTestId(`scram-rotate-${name}`).click();
  await dialog.getByTestId("scram-submit").click();
  const rotated = (await dialog.getByTestId("scram-password").textContent())!.trim();
  expect(rotated).not.toBe(password);
  await dialog.getByTestId("scram-done").click();

  await page.getByTestId(`scram-delete-${name}`).click();
  await page.getByTestId("confirm-scram-delete-input").fill(name);
  await page.getByTestId("confirm-scram-delete-button").click();
  await expect(page.getByTestId(`scram-row-${name}`)).toHaveCount(0);
});

test("quotas: set a user's producer byte rate, see it listed, clear it", async ({ page }) => {
  test.setTimeout(120_000);
  const user = `e2e-quota-${Date.now().toString(36)}`;
  await page.goto("/clusters/local/quotas");
  await page.getByTestId("quota-user").fill(user);
  await page.getByTestId("quota-producer_byte_rate").fill("1048576");
  await page.getByTestId("quota-save").click();
  const row = page.getByTestId("quota-row").filter({ hasText: `user ${user}` });
  await expect(row).toContainText("1048576", { timeout: 30_000 });
  await keepScreenshot(page, "quotas");
  await page.getByTestId("quota-producer_byte_rate").fill("");
  await page.getByTestId("quota-save").click();
  await expect(row).toHaveCount(0, { timeout: 30_000 });
});
