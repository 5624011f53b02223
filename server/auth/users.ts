import "server-only";
import crypto from "node:crypto";
import { prisma } from "@/server/db/prisma";
import { ApiError } from "@/server/http/api-error";
import { getAuth } from "./auth";
import type { Role } from "./permissions";

export type NewLocalUser = {
  email: string;
  name: string;
  password: string;
  roles: Record<string, Role>;
  teamIds?: string[];
};

/** better-auth's password hash (scrypt), so its sign-in verifies what Sluice stores. */
export async function hashPassword(password: string): Promise<string> {
  const ctx = await getAuth().$context;
  return ctx.password.hash(password);
}

/** Creates a user who signs in with email + password, with their roles and teams, in one transaction. */
export async function createLocalUser(input: NewLocalUser) {
  const email = input.email.trim().toLowerCase();
  const hash = await hashPassword(input.password);
  const id = crypto.randomUUID();
  try {
    return await prisma.$transaction(async (tx) => {
      const user = await tx.user.create({ data: { id, email, name: input.name, emailVerified: true } });
      await tx.account.create({
        data: { id: crypto.randomUUID(), accountId: id, providerId: "credential", userId: id, password: hash },
      });
      for (const [clusterId, role] of Object.entries(input.roles)) {
        await tx.roleBinding.create({ data: { userId: id, clusterId, role } });
      }
      for (const teamId of input.teamIds ?? []) await tx.teamMember.create({ data: { userId: id, teamId } });
      return user;
    });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") {
      throw new ApiError("conflict", `A user with email ${email} already exists.`);
    }
    if ((error as { code?: string }).code === "P2003") {
      throw new ApiError("unprocessable_entity", "One of the chosen teams does not exist (any more).");
    }
    throw error;
  }
}
