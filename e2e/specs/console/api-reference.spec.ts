import { expect, test } from "@playwright/test";
import { keepScreenshot } from "../../fixtures/screenshot";

test("API reference: every route grouped by tag, with who may call it, its inputs and its answers' schemas", async ({
  page,
}) => {
  await page.goto("/");
  await page.getByTestId("nav-api-docs").click();
  await expect(page).toHaveURL(/\/api-docs$/);
  await expect(page.getByRole("heading", { name: "API reference" })).toBeVisible();
  await expect(page.getByTestId("api-operation").nth(99)).toBeAttached();

  const tokens = page.getByTestId("api-tag-tokens");
  const create = tokens.getByTestId("api-operation").filter({ hasText: "post" }).first();
  await expect(create).toContainText("/api/tokens");
  await expect(create).toContainText("signed-in");
  await create.locator("summary").click();
  // The request body and the 201 answer's fields, and the error envelope under default.
  await expect(create).toContainText("expiresAt");
  await expect(create).toContainText("201");
  await expect(create).toContainText("token");
  await expect(create).toContainText("ErrorEnvelope");
  await page.getByTestId("api-tag-topics").getByTestId("api-operation").first().locator("summary").click();
  await keepScreenshot(page, "api-reference");

  const res = await page.request.get("/api/openapi.json");
  expect(res.status()).toBe(200);
  expect((await res.json()).openapi).toBe("3.1.0");
});
