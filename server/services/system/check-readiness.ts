import "server-only";
import { prisma } from "@/server/db/prisma";
import { ApiError } from "@/server/http/api-error";
import { isDraining } from "@/server/http/drain";

/**
 * Ready means the database answers a query and this replica is not shutting down (a proxy or orchestrator stops
 * sending it traffic). Kafka clusters are reported per cluster, not here.
 */
export async function checkReadiness(): Promise<{ status: "ready"; database: string }> {
  if (isDraining()) throw new ApiError("service_unavailable", "This Sluice server is shutting down.");
  try {
    await prisma.auditEvent.count({ take: 1 });
  } catch (error) {
    console.error("[ready] database check failed", error);
    throw new ApiError(
      "internal",
      "The database is not reachable or not migrated. Run `npm run db:deploy` and check DATABASE_URL.",
    );
  }
  return { status: "ready", database: /^postgres/.test(process.env.DATABASE_URL ?? "") ? "postgresql" : "sqlite" };
}
