import "server-only";
import { beginDrain, mutationsInFlight, mutationsSettled } from "./http/drain";
import { disconnectAll } from "./kafka/registry";
import { closeScanPool } from "./kafka/scan-pool";
import { stopSamplers } from "./metrics/always-on";
import { stopDriftChecks } from "./services/requests/drift-schedule";
import { interruptReplayRunners } from "./services/replay/run-replay-job";

const FLUSH_MS = 500;
const bound = (promise: Promise<unknown>, ms: number) =>
  Promise.race([promise.catch(() => {}), new Promise((r) => setTimeout(r, ms))]);

/**
 * Graceful shutdown, in order: drain (readiness 503, new mutations and streams refused, open streams told to
 * reconnect elsewhere), wait for running mutations, stop the background work (sampling, drift checks, replays) and give up its leases so another
 * replica takes over at once, close the Kafka clients, exit. The whole is bounded by SLUICE_SHUTDOWN_TIMEOUT_MS
 * (default 20 s); past it the process exits with status 1.
 */
export async function shutDown(signal: string): Promise<void> {
  const started = Date.now();
  const limit = Number(process.env.SLUICE_SHUTDOWN_TIMEOUT_MS ?? 20_000);
  setTimeout(() => {
    console.error(`Sluice: shutdown did not finish within ${limit} ms; exiting.`);
    process.exit(1);
  }, limit).unref();
  console.log(`Sluice: ${signal}: draining (${mutationsInFlight()} change(s) running).`);
  beginDrain();
  const settled = await mutationsSettled(Math.max(0, limit - 8_000));
  if (!settled) console.warn(`Sluice: ${mutationsInFlight()} change(s) still running after the grace period.`);
  // The last answers still have to reach their sockets after their handlers returned: at least FLUSH_MS passes
  // between the last change finishing and the exit.
  const flushed = new Promise((r) => setTimeout(r, FLUSH_MS));
  await bound(Promise.all([stopDriftChecks(), stopSamplers(), interruptReplayRunners()]), 3_000);
  await bound(Promise.all([disconnectAll(), closeScanPool()]), 3_000);
  await flushed;
  console.log(`Sluice: stopped in ${Date.now() - started} ms.`);
  process.exit(0);
}
