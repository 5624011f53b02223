import { ensureInfra, migrate } from "./infra";

export default function setup() {
  process.env.DATABASE_URL ??= "file:./.data/test.db";
  const stop = ensureInfra();
  migrate();
  return stop;
}
