import "server-only";
import { getAuth } from "@/server/auth/auth";
import { ensureBootstrapAdmin } from "@/server/auth/bootstrap";
import { prisma } from "@/server/db/prisma";
import { ApiError } from "@/server/http/api-error";

/** Failed sign-ins allowed per email within the window before further attempts are refused. */
export const SIGN_IN_MAX_FAILURES = 5;
export const SIGN_IN_WINDOW_MS = 15 * 60_000;

const WRONG = "Email or password is incorrect.";

async function recordSignIn(email: string, result: "success" | "failure", requestId: string, error?: string, actorId?: string) {
  await prisma.auditEvent.create({
    data: { actor: email, actorId, action: "session.sign-in", targetType: "user", target: email, result, error, requestId },
  });
}

/**
 * Signs in with email + password through better-auth and returns its response headers (the session cookie).
 * Wrong email, wrong password and deactivated account all get the same message; after SIGN_IN_MAX_FAILURES
 * failures within SIGN_IN_WINDOW_MS further attempts for that email are refused with 429 until the window moves.
 */
export async function signIn(input: { email: string; password: string }, headers: Headers, requestId: string): Promise<{ headers: Headers; user: { id: string; email: string; name: string } }> {
  await ensureBootstrapAdmin();
  const since = new Date(Date.now() - SIGN_IN_WINDOW_MS);
  const failures = await prisma.loginAttempt.findMany({ where: { email: input.email, at: { gte: since } }, orderBy: { at: "asc" }, select: { at: true } });
  if (failures.length >= SIGN_IN_MAX_FAILURES) {
    const retryMin = Math.max(1, Math.ceil((failures[0].at.getTime() + SIGN_IN_WINDOW_MS - Date.now()) / 60_000));
    await recordSignIn(input.email, "failure", requestId, "throttled");
    throw new ApiError("rate_limited", `Too many failed sign-ins for this email. Try again in ${retryMin} minute${retryMin === 1 ? "" : "s"}, or ask an admin to reset your password.`);
  }
  const user = await prisma.user.findUnique({ where: { email: input.email }, select: { active: true } });
  const res = user?.active === false ? null : await getAuth().api.signInEmail({ body: { email: input.email, password: input.password }, headers, asResponse: true });
  if (!res || !res.ok) {
    await prisma.loginAttempt.create({ data: { email: input.email } });
    await recordSignIn(input.email, "failure", requestId, user ? (user.active ? "wrong password" : "account deactivated") : "unknown email");
    throw new ApiError("unauthorized", WRONG);
  }
  const body = (await res.json()) as { user: { id: string; email: string; name: string } };
  await prisma.loginAttempt.deleteMany({ where: { email: input.email } });
  await recordSignIn(input.email, "success", requestId, undefined, body.user.id);
  return { headers: res.headers, user: { id: body.user.id, email: body.user.email, name: body.user.name } };
}

/** Ends the session of the request's cookie (and clears the cookie). */
export async function signOut(headers: Headers): Promise<Headers> {
  const res = await getAuth().api.signOut({ headers, asResponse: true });
  return res.headers;
}
