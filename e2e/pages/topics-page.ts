import { expect, type Locator, type Page } from "@playwright/test";

/** The topic list, the create dialog and a topic's page, driven through their data-testids. */
export class TopicsPage {
  constructor(private readonly page: Page) {}

  async gotoList(clusterId = "local", query = "") {
    await this.page.goto(`/clusters/${clusterId}/topics${query}`);
    await expect(this.page.getByRole("heading", { name: "Topics", exact: true })).toBeVisible();
  }

  async gotoTopic(name: string, clusterId = "local") {
    await this.page.goto(`/clusters/${clusterId}/topics/${encodeURIComponent(name)}`);
    await expect(this.page.getByRole("heading", { name })).toBeVisible();
  }

  get search() {
    return this.page.getByTestId("topics-search");
  }
  get count() {
    return this.page.getByTestId("topics-count");
  }
  row(name: string) {
    return this.page.getByTestId(`topic-row-${name}`);
  }
  dialog(testId: string) {
    return this.page.getByTestId(testId);
  }

  async searchFor(text: string) {
    await this.search.fill(text);
    await expect(this.page).toHaveURL(new RegExp(`[?&]q=${encodeURIComponent(text).replace(/\./g, "\\.")}`));
  }

  /** Opens the create dialog and fills it; overrides are [key, value] pairs. */
  async fillCreateForm(t: {
    name: string;
    partitions?: number;
    replicationFactor?: number;
    overrides?: [string, string][];
  }) {
    await this.page.getByTestId("create-topic-button").click();
    const d = this.dialog("create-topic-dialog");
    await expect(d).toBeVisible();
    await d.getByTestId("topic-name-input").fill(t.name);
    if (t.partitions !== undefined) await d.getByTestId("topic-partitions-input").fill(String(t.partitions));
    if (t.replicationFactor !== undefined) await d.getByTestId("topic-rf-input").fill(String(t.replicationFactor));
    for (const [i, [key, value]] of (t.overrides ?? []).entries()) {
      await d.getByTestId("add-override-row").click();
      await d.getByTestId(`override-key-${i}`).selectOption(key);
      const input = d.getByTestId(`override-value-${i}`);
      if ((await input.evaluate((el) => el.tagName)) === "SELECT") await input.selectOption(value);
      else await input.fill(value);
    }
    return d;
  }

  tab(name: "partitions" | "configuration" | "groups") {
    return this.page.getByTestId(`topic-tab-${name}`);
  }
  configRow(key: string) {
    return this.page.getByTestId(`config-row-${key}`);
  }
  partitionRow(n: number) {
    return this.page.getByTestId(`partition-row-${n}`);
  }
  stat(name: "partitions" | "rf" | "records" | "urp" | "offline"): Locator {
    return this.page.getByTestId(`topic-stat-${name}`);
  }
}
