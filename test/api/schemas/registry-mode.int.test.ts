import { afterAll, describe, expect, it } from "vitest";
import { GET, PUT } from "@/app/api/clusters/[clusterId]/schemas/mode/route";
import { POST as register } from "@/app/api/clusters/[clusterId]/schemas/subjects/[subject]/versions/route";
import type { RegistryModeInfo } from "@/lib/schemas/schemas";
import { prisma } from "@/server/db/prisma";
import { callRoute, type Envelope } from "../../call-route";
import { purgeSubjects, registry, uniqueSubject } from "../../registry-admin";

const put = (mode: string, clusterId = "local") =>
  callRoute<RegistryModeInfo & Envelope>(
    PUT,
    `/api/clusters/${clusterId}/schemas/mode`,
    { clusterId },
    { method: "PUT", body: JSON.stringify({ mode }), headers: { "content-type": "application/json" } },
  );
const subjects: string[] = [];

afterAll(async () => {
  await registry("/mode", { method: "PUT", body: { mode: "READWRITE" } });
  await purgeSubjects(subjects);
});

describe("registry mode", () => {
  it("reads the mode, sets READONLY (the registry then refuses registrations) and back, audited", async () => {
    const now = await callRoute<RegistryModeInfo>(GET, "/api/clusters/local/schemas/mode", { clusterId: "local" });
    expect(now.body).toEqual({ supported: true, mode: "READWRITE" });
    const ro = await put("READONLY");
    expect(ro.status).toBe(200);
    expect(ro.body.mode).toBe("READONLY");
    expect((await registry<{ mode: string }>("/mode")).body.mode).toBe("READONLY");
    const subject = uniqueSubject("mode");
    subjects.push(subject);
    const refused = await callRoute<Envelope>(
      register,
      `/api/clusters/local/schemas/subjects/${subject}/versions`,
      { clusterId: "local", subject },
      {
        method: "POST",
        body: JSON.stringify({ schemaType: "AVRO", schema: '{"type":"string"}' }),
        headers: { "content-type": "application/json" },
      },
    );
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/READONLY mode/);
    expect((await registry(`/subjects/${subject}/versions`)).status).toBe(404);
    expect((await put("READWRITE")).body.mode).toBe("READWRITE");
    const rows = await prisma.auditEvent.findMany({
      where: { action: "schema.mode_changed" },
      orderBy: { createdAt: "desc" },
      take: 2,
    });
    expect(rows.map((r) => r.result)).toEqual(["success", "success"]);
  });

  it("refuses an unknown mode (422) and changes on a read-only cluster (403)", async () => {
    expect((await put("SOMETIMES")).status).toBe(422);
    expect((await put("READONLY", "local-readonly")).status).toBe(403);
  });
});
