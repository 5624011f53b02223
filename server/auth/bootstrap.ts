import "server-only";
import { prisma } from "@/server/db/prisma";
import { createLocalUser } from "./users";

let done: Promise<void> | undefined;

/**
 * First run: when no user exists and SLUICE_ADMIN_EMAIL + SLUICE_ADMIN_PASSWORD are set, creates that user as
 * admin on every cluster. Without them the /setup page asks for the first admin instead. Runs once per process.
 */
export function ensureBootstrapAdmin(): Promise<void> {
  return (done ??= (async () => {
    const email = process.env.SLUICE_ADMIN_EMAIL;
    const password = process.env.SLUICE_ADMIN_PASSWORD;
    if (!email || !password) return;
    if ((await prisma.user.count()) > 0) return;
    try {
      await createLocalUser({
        email,
        name: process.env.SLUICE_ADMIN_NAME ?? "Admin",
        password,
        roles: { "*": "admin" },
      });
      console.log(`Sluice: created the first admin, ${email}`);
    } catch (error) {
      if ((await prisma.user.count()) === 0) throw error; // another replica may have created it first
    }
  })().catch((error) => {
    done = undefined;
    throw error;
  }));
}

/** Whether the one-time setup page is still open (no user yet). */
export async function needsSetup(): Promise<boolean> {
  await ensureBootstrapAdmin();
  return (await prisma.user.count()) === 0;
}
