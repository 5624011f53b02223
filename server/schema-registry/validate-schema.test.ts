import { describe, expect, it } from "vitest";
import { validateSchemaSyntax } from "./validate-schema";

const check =
  (
    schemaType: "AVRO" | "JSON" | "PROTOBUF",
    schema: string,
    references: { name: string; subject: string; version: number }[] = [],
  ) =>
  () =>
    validateSchemaSyntax({ schemaType, schema, references });

describe("validateSchemaSyntax", () => {
  it("names the line and column of a JSON syntax error in an Avro or JSON schema", () => {
    expect(check("AVRO", '{\n  "type": "record",\n  "name": }')).toThrow(
      /not valid at line 3, column 11: value expected/,
    );
    expect(check("JSON", '{"type": "object",,}')).toThrow(/at line 1, column 19: property name expected/);
  });

  it("reports Avro structure errors from the Avro parser, but leaves types from references to the registry", () => {
    expect(check("AVRO", '{"type":"record","name":"x","fields":[{"name":1,"type":"int"}]}')).toThrow(
      /invalid field name/,
    );
    expect(
      check("AVRO", '{"type":"record","name":"x","fields":[{"name":"a","type":"com.acme.Other"}]}', [
        { name: "com.acme.Other", subject: "other", version: 1 },
      ]),
    ).not.toThrow();
  });

  it("names the line of a Protobuf syntax error", () => {
    expect(check("PROTOBUF", 'syntax = "proto3";\nmessage A {\n  string x = 1\n}')).toThrow(
      /not valid at line 4: illegal token '}'/,
    );
    expect(check("PROTOBUF", 'syntax = "proto3";\nmessage A { string x = 1; }')).not.toThrow();
  });
});
