import { afterAll, describe, expect, it } from "vitest";
import { GET as ready } from "@/app/api/ready/route";
import { prisma } from "@/server/db/prisma";
import { callRoute } from "../call-route";

// Runs only with DATABASE_URL=postgresql://… (dev/test.sh starts a local PostgreSQL when one is installed).
describe("PostgreSQL as Sluice's database", () => {
  afterAll(() => prisma.$disconnect());

  it("is selected by DATABASE_URL and reported ready", async () => {
    expect(process.env.DATABASE_URL).toMatch(/^postgres(ql)?:\/\//);
    const { status, body } = await callRoute(ready, "/api/ready");
    expect(status).toBe(200);
    expect(body).toEqual({ status: "ready", database: "postgresql" });
  });

  it("stores and reads audit events through the migrated schema", async () => {
    const target = `pg-smoke-${Date.now()}`;
    await prisma.auditEvent.create({
      data: {
        actor: "test",
        action: "topic.created",
        targetType: "topic",
        target,
        result: "success",
        after: JSON.stringify({ partitions: 3 }),
      },
    });
    const rows = await prisma.auditEvent.findMany({ where: { target } });
    expect(rows).toHaveLength(1);
    expect(JSON.parse(rows[0].after!)).toEqual({ partitions: 3 });
    const [{ version }] = await prisma.$queryRawUnsafe<{ version: string }[]>("select version() as version");
    expect(version).toMatch(/^PostgreSQL/);
  });
});
