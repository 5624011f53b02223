import { describe, expect, it } from "vitest";
import { messagesSearchSchema } from "./use-messages-url-state";

describe("messagesSearchSchema", () => {
  it("reads a shared view back", () => {
    const view = {
      mode: "search",
      start: "offset",
      offset: "3",
      time: "2026-01-02T03:04:05",
      partitions: "0,2",
      limit: "20",
      keyFormat: "string",
      valueFormat: "json",
      q: "order-1.",
      regex: "1",
      in: "key,headers",
      cel: 'value.orderId == "X-42"',
      from: "2026-01-02T03:04",
      to: "2026-01-03T00:00:00.5",
    };
    expect(messagesSearchSchema.parse(view)).toEqual({ ...view, regex: true });
  });

  it("drops whatever is malformed, keeping the rest", () => {
    const parsed = messagesSearchSchema.parse({
      mode: "<script>",
      start: "sideways",
      limit: "7",
      keyFormat: "rot13",
      valueFormat: "json",
      regex: "maybe",
      in: "key,password",
      from: "2026-99-99T99:99",
      to: "yesterday",
      time: "2026-02-30T25:00",
      partitions: "x".repeat(5_000),
      q: ["a", "b"],
    });
    expect(parsed).toEqual({ valueFormat: "json" });
  });

  it("keeps an empty field list apart from the default", () => {
    expect(messagesSearchSchema.parse({ in: "none" })).toEqual({ in: "none" });
  });
});
