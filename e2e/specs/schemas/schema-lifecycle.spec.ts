import { expect, test } from "@playwright/test";
import { RegistryFixture, uniqueSubjectName } from "../../fixtures/registry";
import { keepScreenshot } from "../../fixtures/screenshot";
import { SchemasPage } from "../../pages/schemas-page";

const registry = new RegistryFixture();
test.afterAll(() => registry.cleanup());

const avro = (fields: object[]) => JSON.stringify({ type: "record", name: "Payment", namespace: "e2e.sluice", fields });
const V1 = avro([
  { name: "id", type: "string" },
  { name: "amount", type: "int" },
]);
const V2 = avro([
  { name: "id", type: "string" },
  { name: "amount", type: "long" },
  { name: "currency", type: "string", default: "EUR" },
]);

test("register a subject through the API, find it, compare two versions, change its compatibility and delete it", async ({
  page,
  request,
}) => {
  test.setTimeout(90_000);
  const schemas = new SchemasPage(page);
  const subject = uniqueSubjectName("payments");
  const topic = subject.replace(/-value$/, "");
  registry.track(subject);

  await test.step("two versions registered through Sluice's API", async () => {
    for (const schema of [V1, V2]) {
      const res = await request.post(`/api/clusters/local/schemas/subjects/${encodeURIComponent(subject)}/versions`, {
        data: { schemaType: "AVRO", schema },
      });
      expect(res.status()).toBe(201);
    }
  });

  await test.step("the list finds it by search, with its topic, type and version count", async () => {
    await schemas.gotoList();
    await schemas.search.fill(subject);
    const row = schemas.row(subject);
    await expect(row).toContainText(topic);
    await expect(row).toContainText("AVRO");
    await expect(row).toContainText("v2");
    await keepScreenshot(page, "schemas-list");
    await row.getByTestId(`subject-link-${subject}`).click();
    await expect(page.getByRole("heading", { name: subject })).toBeVisible();
  });

  await test.step("the subject shows the latest version pretty-printed and a diff against the one before", async () => {
    await expect(schemas.schemaText).toContainText('"name": "currency"');
    await expect(page.getByTestId("version-picker")).toHaveValue("2");
    await expect(page.getByTestId("subject-topic")).toHaveText(topic);
    await expect(schemas.diff.locator('[data-diff="changed"]').first()).toBeVisible();
    await expect(schemas.diff.locator('[data-diff="changed"]').first()).toContainText('"type": "long"');
    await expect(page.getByTestId("schema-diff-summary")).toContainText("differ");
    await keepScreenshot(page, "schema-subject-diff");
    await page.getByTestId("version-picker").selectOption("1");
    await expect(schemas.schemaText).not.toContainText("currency");
    // The first version is compared with the one after it, not with itself.
    await expect(page.getByTestId("compare-left")).toHaveValue("1");
    await expect(page.getByTestId("compare-right")).toHaveValue("2");
  });

  await test.step("changing the compatibility level reaches the registry", async () => {
    await schemas.setCompatibility("FULL");
    await expect.poll(() => registry.compatibility(subject)).toBe("FULL");
  });

  await test.step("the register dialog shows the registry's verdict before registering", async () => {
    await page.getByTestId("register-version-button").click();
    const d = schemas.dialog("register-schema-dialog");
    await d.getByTestId("schema-text-input").fill(avro([{ name: "id", type: "int" }]));
    await d.getByTestId("check-compatibility-button").click();
    await expect(d.getByTestId("compatibility-result")).toContainText("Not FULL compatible");
    await expect(d.getByTestId("register-schema-button")).toBeDisabled();
    await keepScreenshot(page, "schema-register-incompatible");

    // A compatible change (a new optional field) is accepted and becomes version 3.
    await d.getByTestId("schema-text-input").fill(
      avro([
        { name: "id", type: "string" },
        { name: "amount", type: "long" },
        { name: "currency", type: "string", default: "EUR" },
        { name: "note", type: ["null", "string"], default: null },
      ]),
    );
    await d.getByTestId("check-compatibility-button").click();
    await expect(d.getByTestId("compatibility-result")).toHaveAttribute("data-compatible", "true");
    await d.getByTestId("register-schema-button").click();
    await expect(d).toBeHidden();
    await expect(page.getByTestId("version-picker")).toHaveValue("3");
    await expect(schemas.schemaText).toContainText('"note"');
  });

  await test.step("a typed confirmation soft-deletes the subject and returns to the list", async () => {
    await page.getByTestId("delete-subject-button").click();
    await expect(schemas.dialog("confirm-delete-schema-button")).toBeDisabled();
    await keepScreenshot(page, "schema-delete-confirm");
    await schemas.confirmDelete(subject);
    await expect(page).toHaveURL(/\/clusters\/local\/schemas$/);
    expect(await registry.subjects()).not.toContain(subject);
    expect(await registry.subjects(true)).toContain(subject);
  });
});

test("a cluster without a registry explains how to configure one", async ({ page }) => {
  const schemas = new SchemasPage(page);
  await schemas.gotoList("local-readonly");
  await expect(page.getByTestId("no-registry")).toContainText("No schema registry is configured");
  await expect(page.getByTestId("nav-schemas")).toHaveAttribute("href", "/clusters/local-readonly/schemas");
  await keepScreenshot(page, "schemas-no-registry");
});
