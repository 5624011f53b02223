import "server-only";
import avro from "avsc";
import { parse as parseProto } from "protobufjs";
import { parse as parseJsonc, printParseErrorCode, type ParseError } from "jsonc-parser";
import { ApiError } from "@/server/http/api-error";
import type { SchemaInput } from "./client";

function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return { line, column: offset - before.lastIndexOf("\n") };
}

function invalid(type: string, where: { line: number; column?: number } | null, message: string): ApiError {
  const at = where ? ` at line ${where.line}${where.column ? `, column ${where.column}` : ""}` : "";
  return new ApiError("unprocessable_entity", `The ${type} schema is not valid${at}: ${message}`, [
    { path: "schema", issue: `${at.trim() ? `${at.trim()}: ` : ""}${message}` },
  ]);
}

/**
 * Checks a schema's syntax locally before it reaches the registry, so the user gets the parser's position
 * (registries answer "invalid schema" without one, and Apicurio only "failed to discover artifact type").
 * Avro is also checked for structure by avsc unless it refers to types from references.
 */
export function validateSchemaSyntax(input: SchemaInput): void {
  if (input.schemaType === "PROTOBUF") {
    try {
      parseProto(input.schema, { keepCase: true });
    } catch (e) {
      const message = (e as Error).message;
      const line = /\(line (\d+)\)/.exec(message);
      throw invalid("PROTOBUF", line ? { line: Number(line[1]) } : null, message.replace(/\s*\(line \d+\)/, ""));
    }
    return;
  }
  const errors: ParseError[] = [];
  const parsed = parseJsonc(input.schema, errors, { allowTrailingComma: false, disallowComments: true });
  if (errors.length) {
    const first = errors[0];
    throw invalid(
      input.schemaType,
      lineColumn(input.schema, first.offset),
      printParseErrorCode(first.error)
        .replace(/([a-z])([A-Z])/g, "$1 $2")
        .toLowerCase(),
    );
  }
  if (input.schemaType === "AVRO" && input.references.length === 0) {
    try {
      avro.Type.forSchema(parsed);
    } catch (e) {
      throw invalid("AVRO", null, (e as Error).message);
    }
  }
}
