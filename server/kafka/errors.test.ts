import {
  KafkaJSAggregateError,
  KafkaJSConnectionError,
  KafkaJSNumberOfRetriesExceeded,
  KafkaJSProtocolError,
} from "kafkajs";
import { MultipleErrors, NetworkError, ProtocolError, ResponseError, TimeoutError } from "@platformatic/kafka";
import { describe, expect, it } from "vitest";
import { ApiError } from "@/server/http/api-error";
import { toApiError } from "./errors";

const protocolError = (type: string) => Object.assign(new KafkaJSProtocolError(`broker said ${type}`), { type });

describe("toApiError", () => {
  it("maps broker error types to codes with an actionable sentence", () => {
    expect(toApiError(protocolError("TOPIC_ALREADY_EXISTS"))).toMatchObject({ code: "conflict", status: 409 });
    expect(toApiError(protocolError("UNKNOWN_TOPIC_OR_PARTITION"))).toMatchObject({ code: "not_found", status: 404 });
    expect(toApiError(protocolError("GROUP_AUTHORIZATION_FAILED"))).toMatchObject({ code: "forbidden" });
    expect(toApiError(protocolError("DELEGATION_TOKEN_AUTHORIZATION_FAILED"))).toMatchObject({ code: "forbidden" });
    expect(toApiError(protocolError("INVALID_RECORD"))).toMatchObject({ code: "unprocessable_entity" });
    expect(toApiError(protocolError("REQUEST_TIMED_OUT"))).toMatchObject({ code: "upstream_timeout", status: 504 });
  });

  it("unwraps retries and reports an unreachable cluster as 503 with the reason", () => {
    const refused = new KafkaJSConnectionError("connect ECONNREFUSED 127.0.0.1:1", { broker: "127.0.0.1:1" } as never);
    const wrapped = new KafkaJSNumberOfRetriesExceeded(refused, { retryCount: 1, retryTime: 100 });
    const e = toApiError(wrapped, "edge");
    expect(e).toMatchObject({ code: "kafka_unavailable", status: 503 });
    expect(e.message).toMatch(/Cluster "edge" is unreachable: connection refused/);
  });

  it("passes ApiErrors through and hides unknown internals", () => {
    const mine = new ApiError("not_found", "x");
    expect(toApiError(mine)).toBe(mine);
    const hidden = toApiError(new TypeError("secret stack detail"));
    expect(hidden.code).toBe("internal");
    expect(hidden.message).not.toContain("secret");
  });
});

describe("toApiError with aggregates", () => {
  it("reports the first per-resource failure of an aggregate", () => {
    const agg = new KafkaJSAggregateError("Topic creation errors", [protocolError("INVALID_REPLICATION_FACTOR")]);
    expect(toApiError(agg)).toMatchObject({
      code: "unprocessable_entity",
      message: "The replication factor is not valid for this cluster.",
    });
  });

  it("maps @platformatic/kafka errors the same way: broker error names, aggregates, network and timeouts", () => {
    expect(toApiError(new ProtocolError("GROUP_ID_NOT_FOUND"))).toMatchObject({ code: "not_found" });
    expect(toApiError(new ResponseError(69, 0, { "/groups/0": [69, "Group g not found."] }, {}))).toMatchObject({
      code: "not_found",
    });
    expect(toApiError(new MultipleErrors("Altering failed.", [new ProtocolError("NON_EMPTY_GROUP")]))).toMatchObject({
      code: "conflict",
    });
    expect(
      toApiError(
        new MultipleErrors("Connecting failed.", [new NetworkError("Connection to 127.0.0.1:1 failed.")]),
        "local",
      ),
    ).toMatchObject({ code: "kafka_unavailable" });
    expect(toApiError(new TimeoutError("Request timed out"))).toMatchObject({ code: "upstream_timeout" });
  });
});
