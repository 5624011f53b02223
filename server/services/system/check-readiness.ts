import "server-only";
import { prisma } from "@/server/db/prisma";
import { ApiError } from "@/server/http/api-error";

/** Ready means the database answers a query. Kafka clusters are reported per cluster, not here. */
export async function checkReadiness(): Promise<{ status: "ready"; database: string }> {
  try {
    await prisma.auditEvent.count({ take: 1 });
  } catch (error) {
    console.error("[ready] database check failed", error);
    throw new ApiError("internal", "The database is not reachable or not migrated. Run `npm run db:deploy` and check DATABASE_URL.");
  }
  return { status: "ready", database: /^postgres/.test(process.env.DATABASE_URL ?? "") ? "postgresql" : "sqlite" };
}
