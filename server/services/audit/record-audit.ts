import "server-only";
import type { Actor } from "@/server/auth/permissions";
import { prisma } from "@/server/db/prisma";

export type AuditContext = { actor: Actor; requestId: string; clusterId?: string };
type AuditTarget = { action: string; targetType: string; target: string; before?: unknown };

const json = (v: unknown) => (v === undefined ? null : JSON.stringify(v));

/** Who did what to which target: the part every audit row has. */
const rowOf = (ctx: AuditContext, what: AuditTarget) => ({
  actor: ctx.actor.email,
  actorId: ctx.actor.id,
  clusterId: ctx.clusterId ?? null,
  action: what.action,
  targetType: what.targetType,
  target: what.target,
  before: json(what.before),
  requestId: ctx.requestId,
});

/**
 * Runs a mutation and appends its audit row: success with the result as "after", or failure with the error
 * message (and the error is rethrown). The row is written before the response leaves.
 */
export async function audited<T>(
  ctx: AuditContext,
  what: AuditTarget,
  work: () => Promise<T>,
  after: (result: T) => unknown = (r) => r,
): Promise<T> {
  const base = { ...rowOf(ctx, what), tokenId: ctx.actor.tokenId ?? null };
  let result: T;
  try {
    result = await work();
  } catch (error) {
    await prisma.auditEvent.create({
      data: { ...base, result: "failure", error: error instanceof Error ? error.message : String(error) },
    });
    throw error;
  }
  await prisma.auditEvent.create({ data: { ...base, result: "success", after: json(after(result)) } });
  return result;
}

/**
 * Appends one audit row for an outcome decided outside `audited`: a refusal ("denied", the reason as the error), or
 * an unmask lifted or refused. These rows carry no token id (as they never have).
 */
export async function recordAudit(
  ctx: AuditContext,
  what: AuditTarget,
  outcome: { result: "success" | "failure" | "denied"; error?: string; after?: unknown },
): Promise<void> {
  await prisma.auditEvent.create({
    data: { ...rowOf(ctx, what), result: outcome.result, error: outcome.error, after: json(outcome.after) },
  });
}
