import { describe, expect, it } from "vitest";
import { hostPolicy, isAllowedHost, isAllowedOrigin, refusedHost, trustedHostPatterns, trustedOrigins } from "./hosts";

const npmStart = { PORT: "3000", __NEXT_PRIVATE_ORIGIN: "http://127.0.0.1:3000" };

describe("host policy", () => {
  it("with nothing configured accepts only the loopback names at the listening port", () => {
    const p = hostPolicy({ PORT: "3000" });
    for (const h of ["127.0.0.1:3000", "localhost:3000", "[::1]:3000", "LOCALHOST:3000"]) {
      expect(isAllowedHost(h, p), h).toBe(true);
    }
    for (const h of [
      "evil.example",
      "evil.example:3000",
      "127.0.0.1:3001",
      "localhost",
      "127.0.0.2:3000",
      "",
      "a b",
      "localhost:3000@evil",
    ]) {
      expect(isAllowedHost(h, p), h).toBe(false);
    }
    expect(isAllowedHost(null, p)).toBe(false);
  });

  it("accepts SLUICE_PUBLIC_URL's host and the allowlist, and loopback only when bound to loopback", () => {
    const env = {
      SLUICE_PUBLIC_URL: "https://sluice.corp.example/",
      SLUICE_ALLOWED_HOSTS: "sluice-2.corp.example:8443, Kafka.Corp.Example",
    };
    const bound = hostPolicy({ ...env, ...npmStart });
    for (const h of ["sluice.corp.example", "sluice-2.corp.example:8443", "kafka.corp.example", "127.0.0.1:3000"]) {
      expect(isAllowedHost(h, bound), h).toBe(true);
    }
    for (const h of ["sluice.corp.example.evil.example", "sluice-2.corp.example", "evil.example"]) {
      expect(isAllowedHost(h, bound), h).toBe(false);
    }
    const allInterfaces = hostPolicy({ ...env, PORT: "3000", __NEXT_PRIVATE_ORIGIN: "http://localhost:3000" });
    expect(isAllowedHost("127.0.0.1:3000", allInterfaces)).toBe(false);
    expect(isAllowedHost("sluice.corp.example", allInterfaces)).toBe(true);
  });

  it("checks X-Forwarded-Host too, naming the refused value", () => {
    const p = hostPolicy(npmStart);
    expect(refusedHost("127.0.0.1:3000", null, p)).toBeNull();
    expect(refusedHost("evil.example:3000", null, p)).toBe("evil.example:3000");
    expect(refusedHost("127.0.0.1:3000", "evil.example", p)).toBe("evil.example");
    expect(refusedHost(null, null, p)).toBe("");
  });

  it("accepts only Sluice's own origins for the same-origin check", () => {
    const p = hostPolicy({ SLUICE_PUBLIC_URL: "https://sluice.corp.example", ...npmStart });
    expect(isAllowedOrigin("https://sluice.corp.example", p)).toBe(true);
    expect(isAllowedOrigin("http://sluice.corp.example", p)).toBe(false);
    expect(isAllowedOrigin("http://127.0.0.1:3000", p)).toBe(true);
    expect(isAllowedOrigin("https://evil.example", p)).toBe(false);
    expect(isAllowedOrigin("null", p)).toBe(false);
  });

  it("gives better-auth the same hosts and origins, never a wildcard host", () => {
    const p = hostPolicy({ SLUICE_ALLOWED_HOSTS: "sluice.corp.example", ...npmStart });
    expect(trustedHostPatterns(p)).toEqual(["sluice.corp.example", "127.0.0.1:3000", "localhost:3000", "[::1]:3000"]);
    expect(trustedOrigins(p)).toContain("https://sluice.corp.example");
    expect(trustedOrigins(p).some((o) => o.includes("evil") || o === "*" || o === "https://*")).toBe(false);
  });
});
