import { describe, expect, it } from "vitest";
import { maskConfig, unmaskConfig } from "./mask-config";

describe("maskConfig", () => {
  it("hides PASSWORD-type values and secret-named keys without a definition, keeps provider references", () => {
    const types = new Map([
      ["connection.password", "PASSWORD"],
      ["connection.user", "STRING"],
      ["token.mode", "STRING"],
    ]);
    const { config, maskedKeys } = maskConfig(
      {
        "connection.password": "s3cret",
        "connection.user": "bob",
        "token.mode": "x",
        "producer.override.sasl.jaas.config": "Plain… password=p;",
        "ssl.key.password": "${file:/s.properties:pw}",
        topic: "t",
      },
      types,
    );
    expect(config).toEqual({
      "connection.password": "[hidden]",
      "connection.user": "bob",
      "token.mode": "x",
      "producer.override.sasl.jaas.config": "[hidden]",
      "ssl.key.password": "${file:/s.properties:pw}",
      topic: "t",
    });
    expect(maskedKeys).toEqual(["connection.password", "producer.override.sasl.jaas.config"]);
  });

  it("puts stored secrets back where a form sent the hidden marker, and only there", () => {
    const stored = { "connection.password": "s3cret", other: "o" };
    expect(
      unmaskConfig({ "connection.password": "[hidden]", other: "[hidden]" }, stored, ["connection.password"]),
    ).toEqual({ "connection.password": "s3cret", other: "[hidden]" });
    expect(unmaskConfig({ "connection.password": "new" }, stored, ["connection.password"])).toEqual({
      "connection.password": "new",
    });
  });
});
