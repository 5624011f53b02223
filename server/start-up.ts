import "server-only";
import { demoPasswordRefusal } from "./auth/demo-password";
import { ConfigError, loadConfig } from "./config/load-config";
import { disconnectAll } from "./kafka/registry";
import { startSamplers, stopSamplers } from "./metrics/always-on";
import { startDriftChecks } from "./services/requests/drift-schedule";
import { interruptReplayRunners } from "./services/replay/run-replay-job";

/** Refuses a bad configuration before serving anything, and disconnects Kafka clients on shutdown. */
export function startUp() {
  const refusal = demoPasswordRefusal(process.env);
  if (refusal) {
    console.error(refusal);
    process.exit(1);
  }
  try {
    const config = loadConfig();
    (globalThis as { __sluiceConfig?: unknown }).__sluiceConfig = config;
    console.log(`Sluice: ${config.clusters.length} cluster(s) configured: ${config.clusters.map((c) => c.id).join(", ")}`);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Sluice cannot start: the cluster configuration is invalid.\n${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  startDriftChecks();
  startSamplers();
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      void Promise.race([Promise.all([stopSamplers(), interruptReplayRunners().catch(() => {})]), new Promise((r) => setTimeout(r, 3_000))])
        .then(() => disconnectAll())
        .finally(() => process.exit(0));
    });
  }
}
