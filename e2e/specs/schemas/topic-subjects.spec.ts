import { expect, test } from "@playwright/test";
import { KafkaFixture, uniqueTopicName } from "../../fixtures/kafka";
import { RegistryFixture } from "../../fixtures/registry";
import { keepScreenshot } from "../../fixtures/screenshot";

const kafka = new KafkaFixture();
const registry = new RegistryFixture();
test.afterAll(async () => {
  await registry.cleanup();
  await kafka.cleanup();
});

test("a topic's page names its key and value subjects and links to them; the registry mode shows on the schemas page", async ({
  page,
}) => {
  const topic = uniqueTopicName("subjects");
  await kafka.createTopics([topic]);
  await registry.register(
    `${topic}-value`,
    JSON.stringify({ type: "record", name: "Shipment", fields: [{ name: "id", type: "string" }] }),
  );

  await page.goto(`/clusters/local/topics/${encodeURIComponent(topic)}`);
  const value = page.getByTestId("topic-subject-value");
  await expect(value).toContainText(`${topic}-value`);
  await expect(value).toContainText("AVRO v1");
  await expect(page.getByTestId("topic-subject-key")).toContainText("no subject");
  await keepScreenshot(page, "topic-subjects");
  await value.getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/schemas/${encodeURIComponent(`${topic}-value`).replace(/\./g, "\\.")}$`));

  await page.goto("/clusters/local/schemas");
  await expect(page.getByTestId("registry-mode-select")).toHaveValue("READWRITE");
});
