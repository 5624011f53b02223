import { defineConfig, devices } from "@playwright/test";
import { testStackEnv } from "./test/stack";
import { chromiumLaunchOptions } from "./e2e/fixtures/chromium";

const PORT = Number(process.env.E2E_PORT ?? 3100);
/** The first admin, created by Sluice itself at start-up from these variables (see server/auth/bootstrap.ts). */
export const E2E_ADMIN = { email: "admin@e2e.test", password: "e2e admin password" };
export const ADMIN_STATE = "test-results/e2e-auth/admin.json";

export default defineConfig({
  testDir: "e2e/specs",
  outputDir: "test-results/e2e",
  workers: 1,
  timeout: 45_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"], ["json", { outputFile: "test-results/playwright.json" }]] : [["list"]],
  globalSetup: "./e2e/global-setup.ts",
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
  },
  projects: [
    // Signs the bootstrap admin in once through the real sign-in API; every spec starts from that session.
    { name: "auth", testDir: "e2e", testMatch: /auth\.setup\.ts/ },
    {
      name: "chromium",
      dependencies: ["auth"],
      use: {
        storageState: ADMIN_STATE,
        ...devices["Desktop Chrome"],
        viewport: { width: 1440, height: 900 },
        launchOptions: chromiumLaunchOptions,
      },
    },
  ],
  webServer: {
    // Needs `next build` first (npm test does it). The database is migrated before the server starts: its samplers
    // and alert evaluation run from start-up and would otherwise hold the SQLite file while the migration waits.
    // --keepAliveTimeout: Node closes an idle socket after 5 s, and a test's API client that reuses it at that moment
    // gets ECONNRESET (seen on a busy host); the server keeps idle sockets longer than any pause within a test.
    command: `node dev/migrate.mjs deploy && node node_modules/next/dist/bin/next start -p ${PORT} -H 127.0.0.1 --keepAliveTimeout 60000`,
    url: `http://127.0.0.1:${PORT}/api/health`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      ...testStackEnv(),
      SLUICE_CONFIG: "test/sluice.test.yaml",
      DATABASE_URL: "file:./.data/e2e.db",
      NODE_ENV: "production",
      // Sluice's graceful shutdown (server/shut-down.ts) handles SIGTERM instead of Next.
      NEXT_MANUAL_SIG_HANDLE: "1",
      SLUICE_ADMIN_EMAIL: E2E_ADMIN.email,
      SLUICE_ADMIN_PASSWORD: E2E_ADMIN.password,
      SLUICE_REQUESTS_POLL_MS: "500",
      // Continuous sampling for the main test cluster only (the other entries point at the same broker).
      SLUICE_SAMPLING: "local",
      // Group health needs a few spaced samples: sample faster than in production so specs stay short.
      SLUICE_GROUP_REFRESH_MS: "1000",
      SLUICE_GROUP_SAMPLE_SPACING_MS: "500",
      // Single sign-on against the test OpenID provider that global-setup starts (e2e/fixtures/oidc-provider.ts).
      SLUICE_OIDC_ISSUER: `http://127.0.0.1:${process.env.E2E_OIDC_PORT ?? 3191}`,
      SLUICE_OIDC_CLIENT_ID: "sluice-e2e",
      SLUICE_OIDC_CLIENT_SECRET: "sluice-e2e-secret",
    },
  },
});
