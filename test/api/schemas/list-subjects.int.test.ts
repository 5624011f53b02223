import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as listSubjects } from "@/app/api/clusters/[clusterId]/schemas/subjects/route";
import type { SubjectList } from "@/lib/schemas/schemas";
import { callRoute, type Envelope } from "../../call-route";
import { purgeSubjects, registry, uniqueSubject } from "../../registry-admin";

const base = uniqueSubject("list", "key").replace(/-key$/, "");
const KEY = `${base}-key`;
const VALUE = `${base}-value`;
const PLAIN = `${base}.Record`;
const GONE = `${base}.gone-value`;
const list = (query = "", clusterId = "local") =>
  callRoute<SubjectList & Envelope>(listSubjects, `/api/clusters/${clusterId}/schemas/subjects${query}`, { clusterId });

beforeAll(async () => {
  await registry(`/subjects/${KEY}/versions`, { method: "POST", body: { schema: '{"type":"string"}' } });
  await registry(`/subjects/${VALUE}/versions`, {
    method: "POST",
    body: { schemaType: "JSON", schema: '{"type":"object","properties":{"a":{"type":"string"}}}' },
  });
  await registry(`/subjects/${VALUE}/versions`, {
    method: "POST",
    body: {
      schemaType: "JSON",
      schema: '{"type":"object","properties":{"a":{"type":"string"},"b":{"type":"number"}}}',
    },
  });
  await registry(`/subjects/${PLAIN}/versions`, {
    method: "POST",
    body: { schemaType: "PROTOBUF", schema: 'syntax = "proto3";\nmessage M { string a = 1; }\n' },
  });
  await registry(`/subjects/${GONE}/versions`, { method: "POST", body: { schema: '{"type":"int"}' } });
  await registry(`/subjects/${GONE}`, { method: "DELETE" });
});
afterAll(() => purgeSubjects([KEY, VALUE, PLAIN, GONE]));

describe("list subjects", () => {
  it("shows type, latest version, count, level and the TopicNameStrategy topic; searches", async () => {
    const res = await list(`?q=${encodeURIComponent(base)}`);
    expect(res.status).toBe(200);
    expect(
      res.body.items.map((i) => [i.subject, i.topic, i.role, i.schemaType, i.latestVersion, i.versionCount, i.deleted]),
    ).toEqual(
      [
        [KEY, base, "key", "AVRO", 1, 1, false],
        [VALUE, base, "value", "JSON", 2, 2, false],
        [PLAIN, null, null, "PROTOBUF", 1, 1, false],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
    expect(res.body.items.every((i) => i.compatibility !== null)).toBe(true);
    expect(res.body.globalCompatibility).not.toBeNull();
  });

  it("includes soft-deleted subjects only with deleted=true", async () => {
    const res = await list(`?q=${encodeURIComponent(base)}&deleted=true`);
    const gone = res.body.items.find((i) => i.subject === GONE);
    expect(gone).toMatchObject({ deleted: true, topic: `${base}.gone`, versionCount: 1 });
    expect((await list(`?q=${encodeURIComponent(GONE)}`)).body.items).toEqual([]);
  });

  it("answers 404 for a cluster without a registry and 422 for a bad flag", async () => {
    const none = await list("", "local-readonly");
    expect(none.status).toBe(404);
    expect(none.body.error.message).toMatch(/No schema registry is configured for cluster "Local \(read-only\)"/);
    expect((await list("?deleted=maybe")).status).toBe(422);
  });
});
