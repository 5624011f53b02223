// kafkajs logging for the demo: expected start-up noise stays out of the output, real errors stay in.
import { logLevel, type logCreator, type LogEntry } from "kafkajs";

/**
 * Errors kafkajs logs and then retries on its own while a fresh broker elects the group coordinator
 * (__consumer_offsets is created and loaded when the first group starts). A new user reads them as failures.
 */
const EXPECTED = [
  /group coordinator is not available/i,
  /coordinator is loading/i,
  /GROUP_COORDINATOR_NOT_AVAILABLE|COORDINATOR_LOAD_IN_PROGRESS|COORDINATOR_NOT_AVAILABLE/,
];

/** Whether a kafkajs log entry is expected start-up noise (retried by kafkajs, harmless). */
export function isStartupNoise(entry: Pick<LogEntry, "log">): boolean {
  const text = `${entry.log.message ?? ""} ${String((entry.log as { error?: unknown }).error ?? "")}`;
  return EXPECTED.some((re) => re.test(text));
}

/** A kafkajs logCreator printing one JSON line per entry at `level` or worse, minus expected start-up noise. */
export function demoLogCreator(print: (line: string) => void = (line) => console.error(line)): logCreator {
  return (level) => (entry) => {
    if (entry.level > level || entry.level === logLevel.NOTHING || isStartupNoise(entry)) return;
    const { message, timestamp, logger: _logger, ...extra } = entry.log;
    print(
      JSON.stringify({
        level: entry.label,
        timestamp,
        logger: "kafkajs",
        namespace: entry.namespace,
        message,
        ...extra,
      }),
    );
  };
}
