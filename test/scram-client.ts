import { execFile } from "node:child_process";
import { javaClientsClasspath, ROOT } from "./infra";
import { TEST_STACK } from "./stack";

/**
 * A real Kafka Java client (kafka-clients 4.3.1, dev/java-clients/src/SluiceScramClient.java) authenticated with
 * SASL/SCRAM-SHA-512 on the test broker's SCRAM listener, so tests see what the broker grants or denies to that
 * principal, not what Sluice believes. (Debian's kcat, librdkafka 2.0.2, fails SCRAM-SHA-512 against this broker
 * even with credentials made by Kafka's own kafka-configs tool, so it cannot serve here.)
 */
export type ScramLogin = { username: string; password: string };
/** ok, or the broker's error name (TOPIC_AUTHORIZATION_FAILED, SASL_AUTHENTICATION_FAILED, …); values read by consume. */
export type ScramResult = { ok: boolean; error?: string; values: string[]; line: string };

function run(login: ScramLogin, args: string[]): Promise<ScramResult> {
  const argv = [
    "-Xmx96m",
    "-XX:TieredStopAtLevel=1",
    "-cp",
    javaClientsClasspath(),
    "SluiceScramClient",
    TEST_STACK.scramBootstrap,
    login.username,
    login.password,
    ...args,
  ];
  return new Promise((resolve) => {
    execFile("java", argv, { cwd: ROOT, timeout: 60_000 }, (_error, stdout) => {
      const line =
        String(stdout)
          .split("\n")
          .find((l) => l.startsWith("ok") || l.startsWith("error")) ?? `error NO_OUTPUT ${String(stdout).slice(-200)}`;
      const [head, ...rest] = line.split(" ");
      resolve(head === "ok" ? { ok: true, values: rest, line } : { ok: false, error: rest[0], values: [], line });
    });
  });
}

/** Produces one record; ok only when the broker acknowledged it. */
export const scramProduce = (login: ScramLogin, topic: string, value: string) => run(login, ["produce", topic, value]);
/** Reads partition 0 of a topic from the beginning to its end (no group). */
export const scramConsume = (login: ScramLogin, topic: string) => run(login, ["consume", topic]);
/** Reads partition 0 from the beginning, then commits the position as `group` (needs READ on the group). */
export const scramConsumeAsGroup = (login: ScramLogin, topic: string, group: string) =>
  run(login, ["consume-group", topic, group]);
/** Describes the cluster: ok only when SCRAM authentication succeeded. */
export const scramMetadata = (login: ScramLogin) => run(login, ["metadata"]);
