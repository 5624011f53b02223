import { describe, expect, it } from "vitest";
import { isMomentaryConflict, toConnectError, toConnectTransportError } from "./client";

const who = 'Kafka Connect "local" (127.0.0.1:8083)';

describe("Kafka Connect errors → API errors", () => {
  it("retries only the 409s a rebalancing worker gives, never a real conflict", () => {
    const stale =
      "Cannot complete request momentarily due to stale configuration (typically caused by a concurrent config change)";
    expect(isMomentaryConflict(409, { error_code: 409, message: stale })).toBe(true);
    expect(
      isMomentaryConflict(409, {
        message: "Cannot complete request because of a conflicting operation (e.g. worker rebalance)",
      }),
    ).toBe(true);
    expect(isMomentaryConflict(409, { message: "Request cannot be completed because a rebalance is expected" })).toBe(
      true,
    );
    expect(isMomentaryConflict(409, { message: "Connector x already exists" })).toBe(false);
    expect(isMomentaryConflict(500, { message: stale })).toBe(false);
    expect(isMomentaryConflict(409, null)).toBe(false);
  });

  it("maps the worker's statuses and keeps its message", () => {
    expect(toConnectError(404, { error_code: 404, message: "Connector x not found" }, who)).toMatchObject({
      code: "not_found",
      message: `${who}: Connector x not found`,
    });
    expect(toConnectError(409, { error_code: 409, message: "Connector x already exists" }, who).code).toBe("conflict");
    expect(toConnectError(400, { error_code: 400, message: "Connector configuration is invalid" }, who).code).toBe(
      "unprocessable_entity",
    );
    expect(toConnectError(401, {}, who)).toMatchObject({
      code: "forbidden",
      message: `${who} refused Sluice's credentials (HTTP 401).`,
    });
    expect(toConnectError(500, { error_code: 500, message: "Request timed out" }, who).code).toBe(
      "connect_unavailable",
    );
    expect(toConnectError(504, null, who)).toMatchObject({
      code: "upstream_timeout",
      message: `${who} timed out: HTTP 504`,
    });
  });

  it("treats a 500 wrapping a BadRequestException as the caller's error", () => {
    const e = toConnectError(
      500,
      {
        error_code: 500,
        message:
          "org.apache.kafka.connect.runtime.rest.errors.BadRequestException: Failed to find any class that implements Connector",
      },
      who,
    );
    expect(e).toMatchObject({
      code: "unprocessable_entity",
      message: `${who} refused the request: Failed to find any class that implements Connector`,
    });
  });

  it("a refused connection is 503 connect_unavailable with the cause, a timeout 504", () => {
    const refused = new TypeError("fetch failed", { cause: { code: "ECONNREFUSED" } });
    expect(toConnectTransportError(refused, who)).toMatchObject({
      code: "connect_unavailable",
      message: `${who} cannot be reached (ECONNREFUSED).`,
    });
    expect(toConnectTransportError(Object.assign(new Error("t"), { name: "TimeoutError" }), who).code).toBe(
      "upstream_timeout",
    );
  });
});
