/** The 3-broker dev cluster (dev/kafka.sh --brokers 3): started if needed, stopped only if we started it. */
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

/** BENCH_BOOTSTRAP (comma-separated) points a bench at another running cluster, which it never starts or stops. */
export const BOOTSTRAP = process.env.BENCH_BOOTSTRAP
  ? process.env.BENCH_BOOTSTRAP.split(",")
  : ["127.0.0.1:29092", "127.0.0.1:29093", "127.0.0.1:29094"];
const ROOT = path.resolve(import.meta.dirname, "../..");
const SCRIPT = path.join(ROOT, "dev/kafka.sh");

export function clusterRunning(): boolean {
  return spawnSync("bash", [SCRIPT, "--brokers", "3", "status"], { stdio: "ignore" }).status === 0;
}

/** Returns true if this call started the cluster. */
export function ensureCluster(): boolean {
  if (process.env.BENCH_BOOTSTRAP || clusterRunning()) return false;
  // dev/kafka.sh gives each node -Xmx512m; with 10k partitions × RF 3 all three brokers died of
  // "OutOfMemoryError: Java heap space" during a run here, so the bench asks for 1 GiB unless KAFKA_HEAP_OPTS is set.
  // Restarting after an unclean stop recovers every partition log (10k per broker): allow 5 minutes.
  const env = {
    ...process.env,
    KAFKA_HEAP_OPTS: process.env.KAFKA_HEAP_OPTS ?? "-Xms512m -Xmx1g",
    KAFKA_START_TIMEOUT: process.env.KAFKA_START_TIMEOUT ?? "300",
  };
  console.log(
    `starting the 3-broker cluster (dev/kafka.sh --brokers 3 start, KAFKA_HEAP_OPTS="${env.KAFKA_HEAP_OPTS}") ...`,
  );
  execFileSync("bash", [SCRIPT, "--brokers", "3", "start"], { stdio: ["ignore", "inherit", "inherit"], env });
  return true;
}

/**
 * dev/kafka.sh stop SIGKILLs a node after 30 s. With 10k partitions per broker a controlled shutdown takes longer
 * than that here, and after a SIGKILL the next start recovers every partition log (measured 271 s on this host).
 * So: SIGTERM our own broker PIDs (from their pid files, checked like dev/kafka.sh does), wait up to 5 minutes,
 * then let dev/kafka.sh stop clean up whatever is left.
 */
export async function stopCluster(): Promise<void> {
  const t0 = Date.now();
  const pids: number[] = [];
  for (const n of [1, 2, 3]) {
    const dir = path.join(ROOT, `.data/kafka3/node-${n}`);
    try {
      const pid = Number(fs.readFileSync(path.join(dir, "broker.pid"), "utf8").trim());
      const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ");
      if (cmd.includes(`kafka.Kafka ${path.join(dir, "server.properties")}`)) pids.push(pid);
    } catch {
      // not running
    }
  }
  for (const pid of pids) process.kill(pid, "SIGTERM");
  const alive = (pid: number) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  while (pids.some(alive) && Date.now() - t0 < 300_000) await new Promise((r) => setTimeout(r, 500));
  console.log(
    `brokers ${pids.some(alive) ? "still running after 300 s" : "stopped cleanly"} in ${((Date.now() - t0) / 1000).toFixed(0)} s`,
  );
  execFileSync("bash", [SCRIPT, "--brokers", "3", "stop"], { stdio: "inherit" }); // removes pid files, SIGKILLs leftovers
}

/** Open file descriptors per broker JVM (RF 3 on 3 brokers: every broker holds every partition). */
export function brokerFds(): number[] {
  return [1, 2, 3].map((n) => {
    try {
      const pid = execFileSync("cat", [path.join(ROOT, `.data/kafka3/node-${n}/broker.pid`)])
        .toString()
        .trim();
      return Number(
        execFileSync("bash", ["-c", `ls /proc/${Number(pid)}/fd | wc -l`])
          .toString()
          .trim(),
      );
    } catch {
      return NaN;
    }
  });
}

/** Heavy CPU users on the shared host that would skew timings. */
export function busyNeighbours(): string[] {
  try {
    return execFileSync("pgrep", ["-fa", "next build|playwright"]).toString().trim().split("\n").filter(Boolean);
  } catch {
    return []; // pgrep exits 1 when nothing matches
  }
}
