import { ensureInfra } from "../test/infra";
import { startOidcProvider } from "./fixtures/oidc-provider";

export default async function globalSetup() {
  process.env.DATABASE_URL = "file:./.data/e2e.db";
  const stop = ensureInfra();
  // The database is migrated by the web server's command before it starts (playwright.config.ts), and Playwright
  // starts the web server before this setup: migrating again here would race the running server's writes.
  const port = Number(process.env.E2E_PORT ?? 3100);
  const stopOidc = await startOidcProvider(`http://127.0.0.1:${port}/api/auth/callback/oidc`);
  return async () => {
    await stopOidc();
    stop();
  };
}
