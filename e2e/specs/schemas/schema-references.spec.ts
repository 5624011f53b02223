import { expect, test } from "@playwright/test";
import { RegistryFixture, uniqueSubjectName } from "../../fixtures/registry";
import { keepScreenshot } from "../../fixtures/screenshot";

const registry = new RegistryFixture();
test.afterAll(() => registry.cleanup());

test("register a schema that references another subject, with the reference entered in the dialog", async ({
  page,
}) => {
  const money = uniqueSubjectName("money");
  await registry.register(
    money,
    JSON.stringify({
      type: "record",
      name: "Money",
      namespace: "e2e.refs",
      fields: [
        { name: "cents", type: "long" },
        { name: "currency", type: "string" },
      ],
    }),
  );
  const invoice = uniqueSubjectName("invoice");
  registry.track(invoice);

  await page.goto("/clusters/local/schemas");
  await page.getByTestId("register-schema-open-button").click();
  const d = page.getByTestId("register-schema-dialog");
  await d.getByTestId("schema-subject-input").fill(invoice);
  await d.getByTestId("schema-text-input").fill(
    JSON.stringify(
      {
        type: "record",
        name: "Invoice",
        namespace: "e2e.refs",
        fields: [
          { name: "id", type: "string" },
          { name: "total", type: "e2e.refs.Money" },
        ],
      },
      null,
      2,
    ),
  );
  await d.getByTestId("add-reference").click();
  await d.getByTestId("reference-name-0").fill("e2e.refs.Money");
  await d.getByTestId("reference-subject-0").fill(money);
  await d.getByTestId("reference-version-0").fill("1");
  await d.getByTestId("check-compatibility-button").click();
  await expect(d.getByTestId("compatibility-result")).toBeVisible();
  await keepScreenshot(page, "schema-register-references");
  await d.getByTestId("register-schema-button").click();
  await expect(page).toHaveURL(new RegExp(`/schemas/${encodeURIComponent(invoice).replace(/\./g, "\\.")}`));
  await expect(page.getByTestId("schema-references")).toContainText(`e2e.refs.Money → ${money} v1`);
});
