import "server-only";
import { needsSetup } from "@/server/auth/bootstrap";
import { createLocalUser } from "@/server/auth/users";
import { prisma } from "@/server/db/prisma";
import { ApiError } from "@/server/http/api-error";

/** The one-time setup: only while no user exists; the new user is admin on every cluster. */
export async function createFirstAdmin(input: { email: string; name: string; password: string }, requestId: string) {
  if (!(await needsSetup())) {
    throw new ApiError("conflict", "Sluice is already set up. Sign in, or ask an admin for an account.");
  }
  const user = await createLocalUser({ ...input, roles: { "*": "admin" } });
  // Two setup submissions racing: keep the first, refuse the second.
  const first = await prisma.user.findFirst({ orderBy: { createdAt: "asc" } });
  if (first && first.id !== user.id) {
    await prisma.user.delete({ where: { id: user.id } });
    throw new ApiError("conflict", "Sluice was set up by someone else a moment ago. Sign in with that account.");
  }
  await prisma.auditEvent.create({
    data: {
      actor: user.email,
      actorId: user.id,
      action: "user.created",
      targetType: "user",
      target: user.email,
      result: "success",
      after: JSON.stringify({ roles: { "*": "admin" }, via: "setup" }),
      requestId,
    },
  });
  return { id: user.id, email: user.email, name: user.name };
}
