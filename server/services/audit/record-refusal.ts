import "server-only";
import type { Actor } from "@/server/auth/permissions";
import { prisma } from "@/server/db/prisma";
import { ApiError } from "@/server/http/api-error";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Audits a mutation that defineRoute refused with 403 (cross-site, no role, read-only cluster, not the team's
 * name): actor (or "anonymous"), the permission asked for as action, the request path as target, result
 * "denied" and the refusal sentence as reason. Reads and other errors are not recorded here. Never throws: a
 * failed audit write is logged and the refusal still answers.
 */
export async function auditRefusal(
  request: Request,
  error: unknown,
  actor: Actor | null,
  permission: string,
  requestId: string,
): Promise<void> {
  if (SAFE_METHODS.has(request.method) || !(error instanceof ApiError) || error.code !== "forbidden") return;
  const path = new URL(request.url).pathname;
  let target = path;
  try {
    target = decodeURIComponent(path);
  } catch {
    /* keep the raw path */
  }
  const clusterId = /^\/api\/clusters\/([^/]+)/.exec(target)?.[1] ?? null;
  await prisma.auditEvent
    .create({
      data: {
        actor: actor?.email ?? "anonymous",
        actorId: actor?.id,
        clusterId,
        action: `${permission} (${request.method})`,
        targetType: "route",
        target: target.slice(0, 500),
        result: "denied",
        error: error.message,
        requestId,
        tokenId: actor?.tokenId ?? null,
      },
    })
    .catch((e) => console.error(`[${requestId}] could not audit a refused ${request.method} ${path}:`, e));
}
