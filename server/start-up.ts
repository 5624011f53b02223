import "server-only";
import { demoPasswordRefusal } from "./auth/demo-password";
import { getConfig } from "./config";
import { ConfigError } from "./config/load-config";
import { startSamplers } from "./metrics/always-on";
import { shutDown } from "./shut-down";
import { startDriftChecks } from "./services/requests/drift-schedule";

/** Refuses a bad configuration before serving anything, and shuts down gracefully on SIGTERM/SIGINT. */
export function startUp() {
  const refusal = demoPasswordRefusal(process.env);
  if (refusal) {
    console.error(refusal);
    process.exit(1);
  }
  try {
    const config = getConfig();
    console.log(
      `Sluice: ${config.clusters.length} cluster(s) configured: ${config.clusters.map((c) => c.id).join(", ")}`,
    );
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Sluice cannot start: the cluster configuration is invalid.\n${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  startDriftChecks();
  startSamplers();
  // Next's own signal handler exits at once; NEXT_MANUAL_SIG_HANDLE (set by every start command Sluice ships)
  // leaves the signal to server/shut-down.ts.
  if (!process.env.NEXT_MANUAL_SIG_HANDLE) {
    console.warn(
      "Sluice: NEXT_MANUAL_SIG_HANDLE is not set, so a SIGTERM stops this server without draining it (see README, Running replicas).",
    );
  }
  for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => void shutDown(signal));
}
