import { expect, type Page } from "@playwright/test";

/** The subject list, a subject's page and the schema dialogs, driven through their data-testids. */
export class SchemasPage {
  constructor(private readonly page: Page) {}

  async gotoList(clusterId = "local") {
    await this.page.goto(`/clusters/${clusterId}/schemas`);
    await expect(this.page.getByRole("heading", { name: "Schemas", exact: true })).toBeVisible();
  }

  async gotoSubject(subject: string, clusterId = "local") {
    await this.page.goto(`/clusters/${clusterId}/schemas/${encodeURIComponent(subject)}`);
    await expect(this.page.getByRole("heading", { name: subject })).toBeVisible();
  }

  get search() {
    return this.page.getByTestId("subject-table-search");
  }
  row(subject: string) {
    return this.page.getByTestId(`subject-row-${subject}`);
  }
  get schemaText() {
    return this.page.getByTestId("schema-text");
  }
  get diff() {
    return this.page.getByTestId("schema-diff");
  }
  dialog(testId: string) {
    return this.page.getByTestId(testId);
  }

  async setCompatibility(level: string) {
    await this.page.getByTestId("compatibility-select").selectOption(level);
    await this.page.getByTestId("save-compatibility-button").click();
    await expect(this.page.getByTestId("save-compatibility-button")).toBeDisabled();
  }

  /** Types the confirmation and deletes; returns once the dialog has closed. */
  async confirmDelete(target: string) {
    const d = this.dialog("delete-schema-dialog");
    await d.getByTestId("confirm-delete-schema-input").fill(target);
    await d.getByTestId("confirm-delete-schema-button").click();
    await expect(d).toBeHidden();
  }
}
