import { logLevel, type LogEntry } from "kafkajs";
import { describe, expect, it } from "vitest";
import { demoLogCreator } from "./quiet-log";

const entry = (message: string, extra: Record<string, unknown> = {}, level = logLevel.ERROR): LogEntry => ({
  namespace: "Connection",
  level,
  label: "ERROR",
  log: { timestamp: "2026-11-30T20:00:00.000Z", logger: "kafkajs", message, ...extra },
});

describe("demo kafkajs log", () => {
  it("drops the coordinator errors kafkajs retries while the demo's groups start", () => {
    const lines: string[] = [];
    const log = demoLogCreator((l) => lines.push(l))(logLevel.ERROR);
    log(
      entry("Response GroupCoordinator(key: 10, version: 2)", {
        error: "The group coordinator is not available",
        correlationId: 1,
      }),
    );
    log(entry("Response FindCoordinator", { error: "The coordinator is loading and hence can't process requests" }));
    expect(lines).toEqual([]);
  });

  it("keeps every other error, and nothing below the level", () => {
    const lines: string[] = [];
    const log = demoLogCreator((l) => lines.push(l))(logLevel.ERROR);
    log(entry("Connection error: connect ECONNREFUSED 127.0.0.1:19092"));
    log(entry("Response Metadata", { error: "This server does not host this topic-partition" }));
    log(entry("Starting", {}, logLevel.INFO));
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[0])).toMatchObject({
      level: "ERROR",
      message: "Connection error: connect ECONNREFUSED 127.0.0.1:19092",
    });
  });
});
