import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "dotenv";

/**
 * The test stack (dev/test-stack.env): the broker and registry `npm test` runs against, on their own ports and
 * data directories, never the demo's. Importing this module puts the stack's variables into process.env (values
 * already set win), so the dev scripts, test/sluice.test.yaml (`${TEST_KAFKA}`…) and Sluice itself agree.
 */
const ROOT = path.resolve(import.meta.dirname, "..");
const fromFile = parse(readFileSync(path.join(ROOT, "dev/test-stack.env")));
for (const [key, value] of Object.entries(fromFile)) process.env[key] ??= value;

const env = (key: string) => process.env[key] as string;
export const TEST_STACK = {
  bootstrap: `127.0.0.1:${env("KAFKA_PORT")}`,
  saslBootstrap: `127.0.0.1:${env("KAFKA_SASL_PORT")}`,
  /** The SASL/SCRAM-SHA-512 listener, whose clients the ACLs Sluice manages apply to. */
  scramBootstrap: `127.0.0.1:${env("KAFKA_SCRAM_PORT")}`,
  registryUrl: `http://127.0.0.1:${env("REGISTRY_PORT")}/apis/ccompat/v7`,
  /** The Kafka Connect worker's REST API (dev/connect.sh). */
  connectUrl: `http://127.0.0.1:${env("CONNECT_PORT")}`,
  /** The 3-broker variant (dev/kafka.sh --brokers 3): KAFKA3_PORT_BASE and the next two ports. */
  bootstrap3: [0, 1, 2].map((i) => `127.0.0.1:${Number(env("KAFKA3_PORT_BASE")) + i}`).join(","),
};
process.env.TEST_KAFKA ??= TEST_STACK.bootstrap;
process.env.TEST_KAFKA_SASL ??= TEST_STACK.saslBootstrap;
process.env.TEST_REGISTRY ??= TEST_STACK.registryUrl;
process.env.TEST_KAFKA3 ??= TEST_STACK.bootstrap3;
process.env.TEST_CONNECT ??= TEST_STACK.connectUrl;
/** The SMTP server the alert e-mail test starts (next to this stack's own ports, so worktrees never collide). */
process.env.TEST_SMTP_PORT ??= String(Number(env("KAFKA_PORT")) + 333);

/** The variables a child process (dev scripts, `next start`) needs to use the same stack. */
export function testStackEnv(): Record<string, string> {
  const keys = [
    ...Object.keys(fromFile),
    "TEST_KAFKA",
    "TEST_KAFKA_SASL",
    "TEST_REGISTRY",
    "TEST_KAFKA3",
    "TEST_CONNECT",
    "TEST_SMTP_PORT",
  ];
  return Object.fromEntries(keys.map((k) => [k, env(k)]));
}
