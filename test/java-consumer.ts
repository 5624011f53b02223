import { execFileSync, spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { BOOTSTRAP, javaClientsClasspath, ROOT } from "./infra";

/**
 * A real Java consumer (org.apache.kafka:kafka-clients 4.3.1, dev/java-clients) run as a child process.
 * `protocol: "consumer"` joins with the KIP-848 protocol, `"classic"` with JoinGroup/SyncGroup.
 * The jars are fetched and the source compiled on first use (dev/java-clients.sh build).
 */
export type JavaConsumer = {
  /** resolves once the consumer holds an assignment */
  ready: Promise<void>;
  /** resolves once it has consumed (and committed) at least n records in total */
  consumed(n: number): Promise<void>;
  /** leaves the group cleanly and waits for the process to exit */
  stop(): Promise<void>;
  output: string[];
};

export function startJavaConsumer(opts: {
  groupId: string;
  topics: string[];
  protocol: "consumer" | "classic";
  maxPollRecords?: number;
  stopAfter?: number;
}): JavaConsumer {
  const args = [opts.groupId, opts.protocol, opts.topics.join(",")];
  if (opts.maxPollRecords !== undefined || opts.stopAfter !== undefined) args.push(String(opts.maxPollRecords ?? 500));
  if (opts.stopAfter !== undefined) args.push(String(opts.stopAfter));
  return spawnJava("SluiceTestConsumer", args);
}

/**
 * A real Java share consumer (KafkaShareConsumer, KIP-932): sets the group's `share.auto.offset.reset` to earliest,
 * then acknowledges every record it receives. `ready` resolves after its first poll (a share consumer has no
 * assignment of its own to wait for); `consumed(n)` after it acknowledged n records.
 */
export function startJavaShareConsumer(opts: { groupId: string; topics: string[] }): JavaConsumer {
  return spawnJava("SluiceTestShareConsumer", [opts.groupId, opts.topics.join(",")]);
}

function spawnJava(mainClass: string, rest: string[]): JavaConsumer {
  const args = ["-Xmx96m", "-XX:TieredStopAtLevel=1", "-cp", javaClientsClasspath(), mainClass, BOOTSTRAP, ...rest];
  const child: ChildProcessWithoutNullStreams = spawn("java", args, { cwd: ROOT, stdio: ["pipe", "pipe", "pipe"] });
  const output: string[] = [];
  let total = 0;
  const waiters: { n: number; resolve: () => void }[] = [];
  let readyResolve!: () => void;
  let failed: ((e: Error) => void)[] = [];
  const ready = new Promise<void>((resolve, reject) => {
    readyResolve = resolve;
    failed.push(reject);
  });
  let buffered = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    buffered += chunk;
    const lines = buffered.split("\n");
    buffered = lines.pop()!;
    for (const line of lines) {
      output.push(line);
      if (line.startsWith("ready")) readyResolve();
      const m = /^consumed (\d+)/.exec(line);
      if (m) total += Number(m[1]);
      for (const w of waiters.filter((x) => total >= x.n)) w.resolve();
    }
  });
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => output.push(`stderr: ${chunk.trim()}`));
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  child.on("exit", (code) => {
    const error = new Error(`java consumer exited (${code}): ${output.slice(-10).join("\n")}`);
    for (const f of failed) f(error);
    failed = [];
  });
  ready.catch(() => {});
  return {
    ready,
    output,
    consumed: (n) =>
      new Promise<void>((resolve, reject) => {
        if (total >= n) return resolve();
        waiters.push({ n, resolve });
        failed.push(reject);
      }),
    async stop() {
      if (child.exitCode === null) {
        child.stdin.end("stop\n");
        const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
        await exited;
        clearTimeout(timer);
      }
    },
  };
}

/** Sets a finalized feature of the test cluster (e.g. share.version 0 switches share groups off) with the Java Admin client. */
export function setClusterFeature(feature: string, level: number): void {
  execFileSync(
    "java",
    [
      "-Xmx96m",
      "-XX:TieredStopAtLevel=1",
      "-cp",
      javaClientsClasspath(),
      "SluiceSetFeature",
      BOOTSTRAP,
      feature,
      String(level),
    ],
    { cwd: ROOT, stdio: "ignore", timeout: 60_000 },
  );
}

/**
 * Writes values with Kafka's own serializers (IntegerSerializer, LongSerializer, DoubleSerializer, UUIDSerializer,
 * StringSerializer with `value.serializer.encoding`) from a real Java producer; keys are "0", "1", …
 */
export function javaProduce(
  topic: string,
  type: "int" | "long" | "double" | "uuid" | `string:${string}`,
  values: string[],
): void {
  const out = execFileSync(
    "java",
    ["-cp", javaClientsClasspath(), "SluiceSerdeProducer", BOOTSTRAP, topic, type, ...values],
    { cwd: ROOT, encoding: "utf8", timeout: 60_000 },
  );
  if (!out.includes(`sent ${values.length}`)) throw new Error(`the Java producer did not confirm: ${out}`);
}
