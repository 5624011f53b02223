import { writeScanWorker } from "../dev/scan-worker.mjs";
import { ensureInfra, migrate } from "./infra";

export default function setup() {
  process.env.DATABASE_URL ??= "file:./.data/test.db";
  const stop = ensureInfra();
  migrate();
  // Searches and exports run their fetches in the scan workers, started from the built worker module.
  writeScanWorker();
  return stop;
}
