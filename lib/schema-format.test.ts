import { describe, expect, it } from "vitest";
import { lineDiff, prettySchema, topicOfSubject } from "./schema-format";

describe("topicOfSubject", () => {
  it("reads TopicNameStrategy subjects and nothing else", () => {
    expect(topicOfSubject("orders-value")).toEqual({ topic: "orders", role: "value" });
    expect(topicOfSubject("my-orders-key")).toEqual({ topic: "my-orders", role: "key" });
    expect(topicOfSubject("com.acme.Order")).toBeNull();
    expect(topicOfSubject("-value")).toBeNull();
  });
});

describe("prettySchema", () => {
  it("indents JSON-based schemas and leaves protobuf and broken text alone", () => {
    expect(prettySchema("AVRO", '{"type":"string"}')).toBe('{\n  "type": "string"\n}');
    expect(prettySchema("PROTOBUF", "message M {}")).toBe("message M {}");
    expect(prettySchema("JSON", "{oops")).toBe("{oops");
  });
});

describe("lineDiff", () => {
  it("marks equal texts as all same", () => {
    expect(lineDiff("a\nb", "a\nb").map((r) => r.kind)).toEqual(["same", "same"]);
  });

  it("pairs a replaced line as changed and keeps line numbers on both sides", () => {
    const rows = lineDiff("a\nb\nc", "a\nB\nc");
    expect(rows).toEqual([
      { kind: "same", left: "a", right: "a", leftNo: 1, rightNo: 1 },
      { kind: "changed", left: "b", right: "B", leftNo: 2, rightNo: 2 },
      { kind: "same", left: "c", right: "c", leftNo: 3, rightNo: 3 },
    ]);
  });

  it("shows pure insertions and deletions", () => {
    expect(lineDiff("a\nc", "a\nb\nc")).toContainEqual({ kind: "added", right: "b", rightNo: 2 });
    expect(lineDiff("a\nb\nc", "a\nc")).toContainEqual({ kind: "removed", left: "b", leftNo: 2 });
    const rows = lineDiff("x\ny", "p\nq\nr");
    expect(rows.map((r) => r.kind)).toEqual(["changed", "changed", "added"]);
  });

  it("handles empty sides", () => {
    expect(lineDiff("", "a").map((r) => r.kind)).toEqual(["changed"]);
    expect(lineDiff("a", "a\n").map((r) => r.kind)).toEqual(["same", "added"]);
  });
});
