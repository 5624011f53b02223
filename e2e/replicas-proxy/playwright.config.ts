import { defineConfig, devices } from "@playwright/test";
import { PROXY_URL } from "./stack";
import { chromiumLaunchOptions } from "../fixtures/chromium";

/**
 * The two-replica profile (issue: replicas behind a real proxy): PostgreSQL, two standalone servers started as the
 * Dockerfile does, Debian's nginx in front (global-setup.ts). Run after `next build`:
 *   node_modules/.bin/playwright test -c e2e/replicas-proxy/playwright.config.ts
 * npm test (dev/test.sh) runs it after the main e2e and counts it in the closing line (playwright-replicas.json).
 */
export default defineConfig({
  testDir: ".",
  testMatch: /\.spec\.ts$/,
  outputDir: "../../test-results/e2e-replicas",
  workers: 1,
  // About a minute on a quiet machine; the budget allows for a busy shared one.
  timeout: 240_000,
  expect: { timeout: 15_000 },
  reporter: [["list"]],
  globalSetup: "./global-setup.ts",
  use: {
    baseURL: PROXY_URL,
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    ...devices["Desktop Chrome"],
    // Tall enough that the live tail's table renders every record of the spec at once (it is virtualised).
    viewport: { width: 1440, height: 2200 },
    launchOptions: chromiumLaunchOptions,
  },
});
