import { describe, expect, it } from "vitest";
import { safeNext } from "./safe-next";

describe("safeNext", () => {
  it("keeps same-origin paths with their query", () => {
    for (const p of ["/", "/clusters/local/topics?q=shop.&dir=desc", "/clusters/local/topics/a%2Fb", "/audit#x"]) {
      expect(safeNext(p)).toBe(p);
    }
  });

  it("refuses everything that can lead to another origin", () => {
    const hostile = [
      "//evil.example",
      "/\\evil.example",
      "/%5Cevil.example",
      "/%5cevil.example",
      "/%2F%2Fevil.example",
      "/%252F%252Fevil.example",
      "\\\\evil.example",
      "https://evil.example",
      "javascript:alert(1)",
      "evil.example",
      "/\tevil",
      "/\n/evil.example",
      "/%09/evil.example",
      "/%00",
      "",
      undefined,
      42,
      "/" + "a".repeat(3000),
    ];
    for (const h of hostile) expect(safeNext(h), String(h)).toBe("/");
  });

  it("returns the given fallback", () => {
    expect(safeNext("//evil.example", "/clusters")).toBe("/clusters");
  });
});
