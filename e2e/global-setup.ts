import { ensureInfra, migrate } from "../test/infra";
import { startOidcProvider } from "./fixtures/oidc-provider";

export default async function globalSetup() {
  process.env.DATABASE_URL = "file:./.data/e2e.db";
  const stop = ensureInfra();
  migrate();
  const port = Number(process.env.E2E_PORT ?? 3100);
  const stopOidc = await startOidcProvider(`http://127.0.0.1:${port}/api/auth/callback/oidc`);
  return async () => {
    await stopOidc();
    stop();
  };
}
