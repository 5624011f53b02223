import { afterEach, describe, expect, it, vi } from "vitest";
import { readCompatibility, registryFor, toRegistryError, toTransportError } from "./client";

vi.mock("@/server/config", async () => {
  const { ApiError } = await import("@/server/http/api-error");
  const clusters = [
    { id: "a", name: "A", schemaRegistry: { url: "http://reg.test/apis/ccompat/v7/", username: "u", password: "p" } },
    { id: "b", name: "B" },
  ];
  return {
    getClusterConfigOrThrow: (id: string) => {
      const c = clusters.find((x) => x.id === id);
      if (!c) throw new ApiError("not_found", "no cluster");
      return c;
    },
  };
});

const WHO = "The schema registry";

describe("toRegistryError", () => {
  it.each([
    [404, { error_code: 40401, message: "Subject 'x' not found." }, "not_found", /Subject 'x' not found/],
    [404, { error_code: 40402, message: "Version 9 not found." }, "not_found", /Version 9/],
    [404, { error_code: 40403, message: "Schema not found" }, "not_found", /Schema not found/],
    [
      422,
      { error_code: 42201, message: "Invalid schema" },
      "unprocessable_entity",
      /refused the schema: Invalid schema/,
    ],
    [422, { error_code: 42202, message: "Invalid schema version" }, "unprocessable_entity", /Invalid schema version/],
    [409, { error_code: 409, message: "Incompatible artifact" }, "conflict", /incompatible: Incompatible artifact/],
    [
      409,
      { error_code: 40405, message: "Subject s must be soft deleted first" },
      "unprocessable_entity",
      /Only soft-deleted/,
    ],
    [
      409,
      { error_code: 40407, message: "Subject s version 1 must be soft deleted first" },
      "unprocessable_entity",
      /soft deleted first/,
    ],
    [401, null, "forbidden", /credentials/],
    [500, { message: "boom" }, "kafka_unavailable", /failed: boom/],
  ])("maps HTTP %i %j to %s", (status, body, code, message) => {
    const e = toRegistryError(status, body, WHO);
    expect(e.code).toBe(code);
    expect(e.message).toMatch(message);
  });
});

describe("toTransportError", () => {
  it("maps a timeout to 504 and a refused connection to 503, naming the registry", () => {
    expect(toTransportError(new DOMException("t", "TimeoutError"), WHO)).toMatchObject({
      code: "upstream_timeout",
      message: expect.stringMatching(/registry did not answer within 5 s/),
    });
    const refused = Object.assign(new TypeError("fetch failed"), { cause: { code: "ECONNREFUSED" } });
    expect(toTransportError(refused, WHO)).toMatchObject({
      code: "kafka_unavailable",
      message: `${WHO} cannot be reached (ECONNREFUSED).`,
    });
  });
});

describe("readCompatibility", () => {
  it("reads both dialects and refuses unknown levels", () => {
    expect(readCompatibility({ compatibilityLevel: "BACKWARD" })).toBe("BACKWARD");
    expect(readCompatibility({ compatibility: "FULL_TRANSITIVE", normalize: false })).toBe("FULL_TRANSITIVE");
    expect(readCompatibility({ compatibility: "SIDEWAYS" })).toBeNull();
    expect(readCompatibility(null)).toBeNull();
  });
});

describe("registryFor", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("is a 404 for a cluster without a registry", () => {
    expect(() => registryFor("b")).toThrow(/No schema registry is configured for cluster "B"/);
  });

  it("sends basic auth and the registry content type, and turns an error body into an ApiError", async () => {
    const fetchMock = vi.fn(async (_url: string, _init: RequestInit) =>
      Response.json({ error_code: 40401, message: "Subject 'x' not found." }, { status: 404 }),
    );
    vi.stubGlobal("fetch", fetchMock);
    const reg = registryFor("a");
    await expect(
      reg.request({
        method: "POST",
        path: "/subjects/x/versions",
        body: { schema: "{}" },
        query: { deleted: true, v: undefined },
      }),
    ).rejects.toMatchObject({ code: "not_found" });
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe("http://reg.test/apis/ccompat/v7/subjects/x/versions?deleted=true");
    const headers = init.headers as Record<string, string>;
    expect(headers.authorization).toBe(`Basic ${Buffer.from("u:p").toString("base64")}`);
    expect(headers["content-type"]).toBe("application/vnd.schemaregistry.v1+json");
    expect(init.signal).toBeInstanceOf(AbortSignal);
  });

  it("maps a refused connection to 503 naming the cluster's registry", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () =>
        Promise.reject(Object.assign(new TypeError("fetch failed"), { cause: { code: "ECONNREFUSED" } })),
      ),
    );
    await expect(registryFor("a").request({ path: "/subjects" })).rejects.toMatchObject({
      code: "kafka_unavailable",
      message: 'The schema registry of cluster "A" (reg.test) cannot be reached (ECONNREFUSED).',
    });
  });
});
