import { afterAll, describe, expect, it } from "vitest";
import { PUT as putGlobalConfig, GET as getGlobalConfig } from "@/app/api/clusters/[clusterId]/schemas/config/route";
import { POST as checkCompat } from "@/app/api/clusters/[clusterId]/schemas/subjects/[subject]/compatibility/route";
import {
  GET as getSubjectConfig,
  PUT as putSubjectConfig,
} from "@/app/api/clusters/[clusterId]/schemas/subjects/[subject]/config/route";
import {
  DELETE as deleteSubject,
  GET as getSubject,
} from "@/app/api/clusters/[clusterId]/schemas/subjects/[subject]/route";
import {
  DELETE as deleteVersion,
  GET as getVersion,
} from "@/app/api/clusters/[clusterId]/schemas/subjects/[subject]/versions/[version]/route";
import { POST as register } from "@/app/api/clusters/[clusterId]/schemas/subjects/[subject]/versions/route";
import type {
  CompatibilityCheck,
  CompatibilityConfig,
  DeleteSchemaResult,
  RegisterResult,
  SchemaVersion,
  SubjectDetail,
} from "@/lib/schemas/schemas";
import { prisma } from "@/server/db/prisma";
import { callRoute, type Envelope } from "../../call-route";
import { purgeSubjects, registry, uniqueSubject } from "../../registry-admin";

const created: string[] = [];
const json = (method: string, body: unknown) => ({
  method,
  body: JSON.stringify(body),
  headers: { "content-type": "application/json" },
});
const url = (clusterId: string, subject: string, rest = "") =>
  `/api/clusters/${clusterId}/schemas/subjects/${encodeURIComponent(subject)}${rest}`;
const avro = (fields: object[]) => JSON.stringify({ type: "record", name: "Order", namespace: "it.sluice", fields });
const V1 = avro([{ name: "id", type: "string" }]);
const V2 = avro([
  { name: "id", type: "string" },
  { name: "amount", type: "int", default: 0 },
]);
const V3_INCOMPATIBLE = avro([{ name: "id", type: "long" }]);

const reg = (subject: string, body: object, clusterId = "local") =>
  callRoute<RegisterResult & Envelope>(
    register,
    url(clusterId, subject, "/versions"),
    { clusterId, subject },
    json("POST", body),
  );
const auditRows = (target: string) => prisma.auditEvent.findMany({ where: { target }, orderBy: { createdAt: "asc" } });

afterAll(() => purgeSubjects(created));

describe("register schema versions", () => {
  const subject = uniqueSubject("orders");
  created.push(subject);
  const params = { clusterId: "local", subject };

  it("registers v1 (no check for a new subject) and a compatible v2", async () => {
    const v1 = await reg(subject, { schemaType: "AVRO", schema: V1 });
    expect(v1.status).toBe(201);
    expect(v1.body).toMatchObject({ subject, version: 1, forced: false, compatibility: { checked: false } });
    const v2 = await reg(subject, { schema: V2 });
    expect(v2.status).toBe(201);
    expect(v2.body).toMatchObject({ version: 2, compatibility: { checked: true, compatible: true } });
    expect(v2.body.id).not.toBe(v1.body.id);
    // The registry itself holds both.
    expect((await registry<number[]>(`/subjects/${subject}/versions`)).body).toEqual([1, 2]);
    expect((await auditRows(subject)).map((r) => [r.action, r.result])).toEqual([
      ["schema.registered", "success"],
      ["schema.registered", "success"],
    ]);
  });

  it("shows every version pretty-printed with id, type and references", async () => {
    const res = await callRoute<SubjectDetail>(getSubject, url("local", subject), params);
    expect(res.status).toBe(200);
    expect(res.body.topic).toBe(subject.replace(/-value$/, ""));
    expect(res.body.role).toBe("value");
    expect(res.body.versions.map((v) => [v.version, v.schemaType, v.deleted])).toEqual([
      [1, "AVRO", false],
      [2, "AVRO", false],
    ]);
    expect(res.body.versions[1].schema).toBe(JSON.stringify(JSON.parse(V2), null, 2));
    expect(res.body.versions[0].references).toEqual([]);
    const one = await callRoute<SchemaVersion>(getVersion, url("local", subject, "/versions/2"), {
      ...params,
      version: "2",
    });
    expect(one.body).toMatchObject({ version: 2, schemaType: "AVRO" });
  });

  it("refuses an incompatible v3 with 409 and the registry's verdict once BACKWARD is set on the subject", async () => {
    const put = await callRoute<CompatibilityConfig>(
      putSubjectConfig,
      url("local", subject, "/config"),
      params,
      json("PUT", { compatibility: "BACKWARD" }),
    );
    expect(put.status).toBe(200);
    expect(put.body).toEqual({ subject, compatibility: "BACKWARD" });
    const dry = await callRoute<CompatibilityCheck>(
      checkCompat,
      url("local", subject, "/compatibility"),
      params,
      json("POST", { schema: V3_INCOMPATIBLE }),
    );
    expect(dry.body).toMatchObject({ checked: true, compatible: false, level: "BACKWARD", blocking: true });

    const v3 = await reg(subject, { schemaType: "AVRO", schema: V3_INCOMPATIBLE });
    expect(v3.status).toBe(409);
    expect(v3.body.error.code).toBe("conflict");
    expect(v3.body.error.message).toMatch(/not BACKWARD compatible with the latest version/);
    expect((await registry<number[]>(`/subjects/${subject}/versions`)).body).toEqual([1, 2]);
  });

  it("registers the incompatible schema with force and restores the subject's level", async () => {
    const forced = await reg(subject, { schemaType: "AVRO", schema: V3_INCOMPATIBLE, force: true });
    expect(forced.status).toBe(201);
    expect(forced.body).toMatchObject({ version: 3, forced: true });
    expect((await registry<{ compatibilityLevel: string }>(`/config/${subject}`)).body.compatibilityLevel).toBe(
      "BACKWARD",
    );
    const rows = await auditRows(subject);
    expect(JSON.parse(rows.at(-1)!.after!)).toMatchObject({ version: 3, forced: true });
  });

  it("answers the registry's own 409 when it enforces the level itself (Apicurio's registration rule)", async () => {
    // Straight to the registry: this is what Sluice's pre-check protects against.
    const direct = await registry<{ error_code: number; message: string }>(`/subjects/${subject}/versions`, {
      method: "POST",
      body: { schema: V1.replace('"string"', '"boolean"') },
    });
    expect(direct.status).toBe(409);
  });

  it("refuses invalid schema syntax with 422", async () => {
    const notJson = await reg(subject, { schemaType: "AVRO", schema: '{"type": "record", ' });
    expect(notJson.status).toBe(422);
    expect(notJson.body.error.message).toMatch(/not valid at line 1, column \d+/);
    const badAvro = await reg(uniqueSubject("bad"), { schemaType: "AVRO", schema: '{"type":"recrd"}' });
    expect(badAvro.status).toBe(422);
    expect(badAvro.body.error.message).toMatch(/The AVRO schema is not valid: .*recrd/);
    const badProto = await reg(uniqueSubject("bad"), {
      schemaType: "PROTOBUF",
      schema: 'syntax = "proto3";\nmessage A {\n  string x = 1\n}',
    });
    expect(badProto.status).toBe(422);
    expect(badProto.body.error.message).toMatch(/not valid at line 4/);
    const badExisting = await reg(subject, { schemaType: "AVRO", schema: '{"type":"recrd"}' });
    expect(badExisting.status).toBe(422);
    const noBody = await reg(subject, { schemaType: "XML", schema: "" });
    expect(noBody.status).toBe(422);
    expect(noBody.body.error.details?.map((d) => d.path).sort()).toEqual(["schema", "schemaType"]);
  });

  it("answers 404 for an unknown subject or version", async () => {
    const unknown = uniqueSubject("missing");
    const s = await callRoute<Envelope>(getSubject, url("local", unknown), { clusterId: "local", subject: unknown });
    expect(s.status).toBe(404);
    expect(s.body.error.message).toMatch(/not found/);
    const v = await callRoute<Envelope>(getVersion, url("local", subject, "/versions/99"), {
      ...params,
      version: "99",
    });
    expect(v.status).toBe(404);
    expect(v.body.error.message).toMatch(/Version 99/);
    const c = await callRoute<Envelope>(getSubjectConfig, url("local", unknown, "/config"), {
      clusterId: "local",
      subject: unknown,
    });
    expect(c.status).toBe(404);
  });

  it("soft-deletes a version, refuses a permanent delete of a live one with 422, then deletes for good", async () => {
    const vParams = { ...params, version: "1" };
    const live = await callRoute<Envelope>(
      deleteVersion,
      url("local", subject, "/versions/1?permanent=true"),
      vParams,
      { method: "DELETE" },
    );
    expect(live.status).toBe(422);
    expect(live.body.error.message).toMatch(/must be soft deleted first.*Only soft-deleted/);
    const soft = await callRoute<DeleteSchemaResult>(deleteVersion, url("local", subject, "/versions/1"), vParams, {
      method: "DELETE",
    });
    expect(soft.body).toEqual({ subject, versions: [1], permanent: false });
    expect((await registry<number[]>(`/subjects/${subject}/versions`)).body).toEqual([2, 3]);
    const withDeleted = await callRoute<SubjectDetail>(getSubject, url("local", subject, "?deleted=true"), params);
    expect(withDeleted.body.versions.map((v) => [v.version, v.deleted])).toEqual([
      [1, true],
      [2, false],
      [3, false],
    ]);
    const hard = await callRoute<DeleteSchemaResult>(
      deleteVersion,
      url("local", subject, "/versions/1?permanent=true"),
      vParams,
      { method: "DELETE" },
    );
    expect(hard.status).toBe(200);
    expect((await registry<number[]>(`/subjects/${subject}/versions?deleted=true`)).body).toEqual([2, 3]);
  });

  it("soft-deletes then permanently deletes the subject, auditing both", async () => {
    const live = await callRoute<Envelope>(deleteSubject, url("local", subject, "?permanent=true"), params, {
      method: "DELETE",
    });
    expect(live.status).toBe(422);
    const soft = await callRoute<DeleteSchemaResult>(deleteSubject, url("local", subject), params, {
      method: "DELETE",
    });
    expect(soft.body).toEqual({ subject, versions: [2, 3], permanent: false });
    expect((await registry<string[]>("/subjects")).body).not.toContain(subject);
    expect((await registry<string[]>("/subjects?deleted=true")).body).toContain(subject);
    const hard = await callRoute<DeleteSchemaResult>(deleteSubject, url("local", subject, "?permanent=true"), params, {
      method: "DELETE",
    });
    expect(hard.body.permanent).toBe(true);
    expect((await registry<string[]>("/subjects?deleted=true")).body).not.toContain(subject);
    const deletions = (await auditRows(subject)).filter((r) => r.action === "schema.deleted").map((r) => r.result);
    expect(deletions).toEqual(["failure", "success", "success"]);
  });
});

describe("compatibility config", () => {
  it("round-trips the global level in Apicurio's dialect and restores it", async () => {
    const before = await callRoute<CompatibilityConfig>(getGlobalConfig, "/api/clusters/local/schemas/config", {
      clusterId: "local",
    });
    expect(before.status).toBe(200);
    const next = before.body.compatibility === "FULL" ? "FORWARD" : "FULL";
    try {
      const put = await callRoute<CompatibilityConfig>(
        putGlobalConfig,
        "/api/clusters/local/schemas/config",
        { clusterId: "local" },
        json("PUT", { compatibility: next }),
      );
      expect(put.body).toEqual({ subject: null, compatibility: next });
      // The registry's PUT answers {compatibility}, its GET {compatibilityLevel}: Sluice reads both.
      expect((await registry<{ compatibilityLevel: string }>("/config")).body).toEqual({ compatibilityLevel: next });
      const after = await callRoute<CompatibilityConfig>(getGlobalConfig, "/api/clusters/local/schemas/config", {
        clusterId: "local",
      });
      expect(after.body.compatibility).toBe(next);
    } finally {
      await registry("/config", { method: "PUT", body: { compatibility: before.body.compatibility } });
    }
    const rows = await prisma.auditEvent.findMany({
      where: { action: "schema.config_changed", target: "(global)" },
      orderBy: { createdAt: "desc" },
      take: 1,
    });
    expect(JSON.parse(rows[0].after!)).toEqual({ subject: null, compatibility: next });
  });

  it("refuses an unknown level with 422 and field details", async () => {
    const res = await callRoute<Envelope>(
      putGlobalConfig,
      "/api/clusters/local/schemas/config",
      { clusterId: "local" },
      json("PUT", { compatibility: "SIDEWAYS" }),
    );
    expect(res.status).toBe(422);
    expect(res.body.error.details?.[0].path).toBe("compatibility");
  });
});

describe("clusters without a registry, read-only clusters", () => {
  it("answers 404 naming the cluster when no registry is configured", async () => {
    const res = await callRoute<Envelope>(getGlobalConfig, "/api/clusters/offline/schemas/config", {
      clusterId: "offline",
    });
    expect(res.status).toBe(404);
    expect(res.body.error.message).toBe('No schema registry is configured for cluster "Offline".');
  });

  it("refuses every change on a read-only cluster with 403", async () => {
    const subject = uniqueSubject("ro");
    const res = await reg(subject, { schema: V1 }, "local-readonly");
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(/read-only/);
    const del = await callRoute<Envelope>(
      deleteSubject,
      url("local-readonly", subject),
      { clusterId: "local-readonly", subject },
      { method: "DELETE" },
    );
    expect(del.status).toBe(403);
    const cfg = await callRoute<Envelope>(
      putGlobalConfig,
      "/api/clusters/local-readonly/schemas/config",
      { clusterId: "local-readonly" },
      json("PUT", { compatibility: "NONE" }),
    );
    expect(cfg.status).toBe(403);
    expect((await registry(`/subjects/${subject}/versions`)).status).toBe(404);
  });
});
