import { ensureInfra, migrate } from "../test/infra";

export default async function globalSetup() {
  process.env.DATABASE_URL = "file:./.data/e2e.db";
  const stop = ensureInfra();
  migrate();
  return stop;
}
