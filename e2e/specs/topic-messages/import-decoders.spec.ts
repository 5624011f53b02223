import { expect, test } from "@playwright/test";
import { KafkaFixture, uniqueTopicName } from "../../fixtures/kafka";
import { RecordsFixture } from "../../fixtures/records";
import { keepScreenshot } from "../../fixtures/screenshot";

const kafka = new KafkaFixture();
const records = new RecordsFixture();
const target = uniqueTopicName("import-ui");
const numbers = uniqueTopicName("decoders-ui");

test.beforeAll(async () => {
  await kafka.createTopics([target, numbers], 1);
  const int32 = (n: number) => {
    const b = Buffer.alloc(4);
    b.writeInt32BE(n);
    return b;
  };
  await records.send(numbers, [{ key: "a", value: int32(42) as unknown as string }]);
});
test.afterAll(async () => {
  await records.close();
  await kafka.cleanup();
});

test("import key/value text lines: bad lines listed with their numbers, then skipped; the records arrive", async ({
  page,
}) => {
  await page.goto(`/clusters/local/topics/${encodeURIComponent(target)}/messages`);
  await page.getByTestId("import-button").click();
  const dialog = page.getByTestId("import-dialog");
  const jsonl = [
    JSON.stringify({
      key: { encoding: "string", text: "k1" },
      value: { encoding: "string", text: "first" },
      headers: [],
    }),
    "{broken",
    JSON.stringify({
      key: { encoding: "string", text: "k3" },
      value: { encoding: "string", text: "third" },
      headers: [],
    }),
  ].join("\n");
  await dialog
    .getByTestId("import-file")
    .setInputFiles({ name: "records.jsonl", mimeType: "application/x-ndjson", buffer: Buffer.from(jsonl) });
  await dialog.getByTestId("import-validate").click();
  await expect(dialog.getByTestId("import-line-errors")).toContainText("line 2");
  await expect(dialog.getByTestId("import-write")).toBeDisabled();
  await dialog.getByTestId("import-skip-invalid").check();
  await dialog.getByTestId("import-write").click();
  await expect(dialog.getByTestId("import-result")).toContainText("Imported 2 of 3 lines; 1 bad lines skipped (2)");
  await keepScreenshot(page, "import-dialog");
  await dialog.getByRole("button", { name: /close/i }).first().click();
  await page.reload();
  await expect(page.getByText("third").first()).toBeVisible({ timeout: 15_000 });
});

test("choose an int decoder for the values; the list shows the decoded number", async ({ page }) => {
  await page.goto(`/clusters/local/topics/${encodeURIComponent(numbers)}/messages`);
  await page.getByTestId("decoders-button").click();
  const dialog = page.getByTestId("decoders-dialog");
  await dialog.getByTestId("decoder-value-kind").selectOption("int");
  await dialog.getByTestId("decoders-save").click();
  await expect(dialog.getByTestId("decoders-saved")).toBeVisible();
  await expect(dialog.getByTestId("decoder-value-current")).toContainText("int");
  await keepScreenshot(page, "decoders-dialog");
  await dialog.getByRole("button", { name: /close/i }).first().click();
  await page.reload();
  // The value column shows the decoded int (its encoding badge, then 42), not the bytes 0000002a.
  await expect(page.getByRole("row", { name: /int\s*42\b/ })).toBeVisible({ timeout: 15_000 });
});
