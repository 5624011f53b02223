import "server-only";
import type { z } from "zod";
import type { AuditEventDto, AuditPage, auditQuerySchema } from "@/lib/schemas/audit";
import { hasRole, isGlobalAdmin, type Actor } from "@/server/auth/permissions";
import { getConfig } from "@/server/config";
import { prisma } from "@/server/db/prisma";
import { ApiError } from "@/server/http/api-error";

type Query = z.output<typeof auditQuerySchema>;

const parse = (s: string | null) => (s === null ? null : (JSON.parse(s) as unknown));

export const toAuditDto = (e: {
  id: string;
  createdAt: Date;
  actor: string;
  clusterId: string | null;
  action: string;
  targetType: string;
  target: string;
  result: string;
  before: string | null;
  after: string | null;
  error: string | null;
  requestId: string | null;
  tokenId?: string | null;
}): AuditEventDto => ({
  id: e.id,
  createdAt: e.createdAt.toISOString(),
  actor: e.actor,
  clusterId: e.clusterId,
  action: e.action,
  targetType: e.targetType,
  target: e.target,
  result: e.result,
  before: parse(e.before),
  after: parse(e.after),
  error: e.error,
  requestId: e.requestId,
  ...(e.tokenId ? { tokenId: e.tokenId } : {}),
});

/**
 * The filter for the rows the actor may read: global admins everything; others the clusters where their role
 * allows audit:read (approver, admin). Refuses with 403 when that is nothing.
 */
function visibility(actor: Actor, q: Query) {
  if (isGlobalAdmin(actor)) return q.clusterId ? { clusterId: q.clusterId } : {};
  const clusters = getConfig()
    .clusters.map((c) => c.id)
    .filter((id) => hasRole(actor, "audit:read", id));
  if (clusters.length === 0) {
    throw new ApiError("forbidden", "Reading the audit log needs the approver or admin role on at least one cluster.");
  }
  if (q.clusterId && !clusters.includes(q.clusterId)) {
    throw new ApiError("forbidden", `Your role on cluster "${q.clusterId}" does not allow reading its audit log.`);
  }
  return { clusterId: q.clusterId ? q.clusterId : { in: clusters } };
}

function where(actor: Actor, q: Query) {
  return {
    ...visibility(actor, q),
    ...(q.actor ? { actor: { contains: q.actor } } : {}),
    ...(q.action ? { action: { startsWith: q.action } } : {}),
    ...(q.result ? { result: q.result } : {}),
    ...(q.from || q.to
      ? { createdAt: { ...(q.from ? { gte: new Date(q.from) } : {}), ...(q.to ? { lte: new Date(q.to) } : {}) } }
      : {}),
    ...(q.q
      ? {
          OR: [
            { target: { contains: q.q } },
            { action: { contains: q.q } },
            { actor: { contains: q.q } },
            { error: { contains: q.q } },
            { requestId: q.q },
          ],
        }
      : {}),
  };
}

const encodeCursor = (e: { createdAt: Date; id: string }) =>
  Buffer.from(`${e.createdAt.toISOString()}|${e.id}`).toString("base64url");
function decodeCursor(c: string) {
  const [at, id] = Buffer.from(c, "base64url").toString().split("|");
  const d = new Date(at);
  if (!id || Number.isNaN(d.getTime())) {
    throw new ApiError("bad_request", "The cursor is not valid; start from the first page.");
  }
  return { at: d, id };
}

/** One page of audit events, newest first; the cursor continues after the last one. */
export async function listAudit(actor: Actor, q: Query): Promise<AuditPage> {
  const base = where(actor, q);
  const c = q.cursor ? decodeCursor(q.cursor) : null;
  const rows = await prisma.auditEvent.findMany({
    where: c ? { AND: [base, { OR: [{ createdAt: { lt: c.at } }, { createdAt: c.at, id: { lt: c.id } }] }] } : base,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: q.limit + 1,
  });
  const more = rows.length > q.limit;
  const page = rows.slice(0, q.limit);
  return { events: page.map(toAuditDto), nextCursor: more ? encodeCursor(page[page.length - 1]) : null };
}

/** Every matching event as JSON Lines, streamed in pages of 500 (no cap). */
export function exportAudit(actor: Actor, q: Query): ReadableStream<Uint8Array> {
  const first = where(actor, q); // throws 403 before the stream starts
  const encoder = new TextEncoder();
  let cursor: { at: Date; id: string } | null = null;
  return new ReadableStream({
    async pull(controller) {
      const rows = await prisma.auditEvent.findMany({
        where: cursor
          ? {
              AND: [first, { OR: [{ createdAt: { lt: cursor.at } }, { createdAt: cursor.at, id: { lt: cursor.id } }] }],
            }
          : first,
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: 500,
      });
      if (rows.length === 0) return controller.close();
      controller.enqueue(encoder.encode(rows.map((r) => JSON.stringify(toAuditDto(r)) + "\n").join("")));
      const last = rows[rows.length - 1];
      cursor = { at: last.createdAt, id: last.id };
      if (rows.length < 500) controller.close();
    },
  });
}
