import { expect, type Page } from "@playwright/test";

/** The consumer group list, a group's page and its dialogs, driven through their data-testids. */
export class GroupsPage {
  constructor(private readonly page: Page) {}

  async gotoList(clusterId = "local", query = "") {
    await this.page.goto(`/clusters/${clusterId}/consumer-groups${query}`);
    await expect(this.page.getByRole("heading", { name: "Consumer groups", exact: true })).toBeVisible();
  }

  async gotoGroup(groupId: string, clusterId = "local") {
    await this.page.goto(`/clusters/${clusterId}/consumer-groups/${encodeURIComponent(groupId)}`);
    await expect(this.page.getByRole("heading", { name: groupId })).toBeVisible();
  }

  get search() {
    return this.page.getByTestId("groups-search");
  }
  get count() {
    return this.page.getByTestId("groups-count");
  }
  row(groupId: string) {
    return this.page.getByTestId(`group-row-${groupId}`);
  }
  cell(groupId: string, column: "groupId" | "state" | "members" | "topics" | "totalLag") {
    return this.row(groupId).getByTestId(`group-cell-${column}`);
  }
  partitionRow(topic: string, partition: number) {
    return this.page.getByTestId(`group-partition-row-${topic}-${partition}`);
  }
  previewRow(topic: string, partition: number) {
    return this.page.getByTestId(`reset-preview-row-${topic}-${partition}`);
  }
  stat(name: "state" | "members" | "lag" | "topics" | "partitions") {
    return this.page.getByTestId(`group-stat-${name}`);
  }
  dialog(testId: "reset-offsets-dialog" | "delete-group-dialog") {
    return this.page.getByTestId(testId);
  }

  async searchFor(text: string) {
    await this.search.fill(text);
    await expect(this.page).toHaveURL(new RegExp(`[?&]q=${encodeURIComponent(text).replace(/\./g, "\\.")}`));
  }

  /**
   * The server reads all groups at most every 10 s and the page refreshes every 15 s; reload until the list
   * shows what the broker already knows.
   */
  async waitForRow(groupId: string, check: () => Promise<void>) {
    await expect(async () => {
      await this.page.reload();
      await expect(this.row(groupId)).toBeVisible({ timeout: 5_000 });
      await check();
    }).toPass({ timeout: 40_000, intervals: [1_000, 2_000, 3_000] });
  }
}
