import { expect, type Page } from "@playwright/test";

export class ClustersPage {
  constructor(private readonly page: Page) {}

  async goto() {
    await this.page.goto("/");
    await expect(this.page.getByRole("heading", { name: "Clusters" })).toBeVisible();
  }

  card(clusterId: string) {
    return this.page.getByTestId(`cluster-card-${clusterId}`);
  }

  status(clusterId: string) {
    return this.card(clusterId).getByTestId("cluster-status");
  }

  stat(clusterId: string, name: "brokers" | "topics" | "partitions" | "urp" | "offline" | "controller") {
    return this.card(clusterId).getByTestId(`stat-${name}`);
  }
}
