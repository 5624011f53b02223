import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { authSecret, getAuth } from "@/server/auth/auth";
import { ensureBootstrapAdmin } from "@/server/auth/bootstrap";
import { prisma } from "@/server/db/prisma";
import { ApiError } from "@/server/http/api-error";

/** Failed sign-ins allowed per account within the window (not counted from an address the account used before). */
export const SIGN_IN_MAX_FAILURES = 5;
/** Failed sign-ins allowed per client address within the window, whatever the accounts tried. */
export const SIGN_IN_MAX_ADDRESS_FAILURES = 20;
export const SIGN_IN_WINDOW_MS = 15 * 60_000;
/** How long an address an account signed in from stays exempt from that account's limit. */
export const KNOWN_ADDRESS_MS = 30 * 24 * 3_600_000;

const WRONG = "Email or password is incorrect.";

/**
 * The known-device cookie (OWASP's "device cookie"): after a successful sign-in the browser holds a token, signed
 * with the auth secret, naming the account and an expiry. An attempt that presents a valid one for its account is
 * not counted against the per-account limit, so guesses from elsewhere can never lock the owner out of their
 * usual browser, with or without a trusted proxy. Only a correct password earns one; it cannot be forged.
 */
export const KNOWN_DEVICE_COOKIE = "sluice.known_device";

const sign = (payload: string) =>
  createHmac("sha256", authSecret()).update(`known-device:${payload}`).digest("base64url");

function knownDeviceToken(email: string, now = Date.now()): string {
  const payload = `${Buffer.from(email.toLowerCase()).toString("base64url")}.${now + KNOWN_ADDRESS_MS}`;
  return `${payload}.${sign(payload)}`;
}

/** Whether the request carries a valid, unexpired known-device token for this account. */
export function isKnownDevice(headers: Headers, email: string, now = Date.now()): boolean {
  const cookie = (headers.get("cookie") ?? "")
    .split(";")
    .map((c) => c.trim())
    .find((c) => c.startsWith(`${KNOWN_DEVICE_COOKIE}=`));
  const token = cookie?.slice(KNOWN_DEVICE_COOKIE.length + 1) ?? "";
  const [who, expiry, sig] = token.split(".");
  if (!who || !expiry || !sig || token.length > 600) return false;
  const expected = Buffer.from(sign(`${who}.${expiry}`));
  const given = Buffer.from(sig);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return false;
  return Number(expiry) > now && Buffer.from(who, "base64url").toString() === email.toLowerCase();
}

function knownDeviceCookie(email: string): string {
  const secure = process.env.SLUICE_PUBLIC_URL?.startsWith("https://") ? "; Secure" : "";
  return `${KNOWN_DEVICE_COOKIE}=${knownDeviceToken(email)}; Path=/api/session; HttpOnly; SameSite=Strict; Max-Age=${KNOWN_ADDRESS_MS / 1000}${secure}`;
}

/**
 * The client's address, or null when Sluice cannot know it. Route handlers do not see the socket; Next.js puts
 * the peer's address in x-forwarded-for only when the request carries none, so a client can write that header
 * itself. It is trusted only when `SLUICE_TRUSTED_PROXY_HOPS` says how many reverse proxies (each appending the
 * address it saw) stand in front of Sluice: the entry that many places from the right is the client. Without
 * it every request counts as its own address: no per-address limit and no known-address exemption.
 */
export function clientAddress(headers: Headers): string | null {
  const hops = Number(process.env.SLUICE_TRUSTED_PROXY_HOPS ?? 0);
  if (!Number.isInteger(hops) || hops < 1) return null;
  const chain = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const address = chain[chain.length - hops];
  return address && address.length <= 100 ? address : null;
}

/**
 * Claims one attempt on a counter: one conditional UPDATE (count < limit) after resetting an expired window, so
 * concurrent claims never pass the limit (SQLite serialises writes; PostgreSQL re-checks the WHERE on the row it
 * locked). Returns false when the limit is reached.
 */
async function claim(key: string, limit: number): Promise<boolean> {
  const now = new Date();
  await prisma.signInThrottle.updateMany({
    where: { key, windowStart: { lt: new Date(now.getTime() - SIGN_IN_WINDOW_MS) } },
    data: { count: 0, windowStart: now },
  });
  for (let i = 0; i < 2; i++) {
    const { count } = await prisma.signInThrottle.updateMany({
      where: { key, count: { lt: limit } },
      data: { count: { increment: 1 } },
    });
    if (count === 1) return true;
    try {
      await prisma.signInThrottle.create({ data: { key, count: 1, windowStart: now } });
      return true;
    } catch (error) {
      if ((error as { code?: string }).code !== "P2002") throw error; // created by a concurrent claim: try the update again
    }
  }
  return false;
}

const release = (key: string) =>
  prisma.signInThrottle.updateMany({ where: { key, count: { gt: 0 } }, data: { count: { decrement: 1 } } });

async function retryMinutes(key: string): Promise<number> {
  const row = await prisma.signInThrottle.findUnique({ where: { key } });
  return Math.max(1, Math.ceil(((row?.windowStart.getTime() ?? Date.now()) + SIGN_IN_WINDOW_MS - Date.now()) / 60_000));
}

async function recordSignIn(
  email: string,
  result: "success" | "failure",
  requestId: string,
  error?: string,
  actorId?: string,
  address?: string | null,
) {
  await prisma.auditEvent.create({
    data: {
      actor: email,
      actorId,
      action: "session.sign-in",
      targetType: "user",
      target: email,
      result,
      error,
      requestId,
      ...(address ? { after: JSON.stringify({ address }) } : {}),
    },
  });
}

/**
 * Signs in with email + password through better-auth and returns its response headers (the session cookie).
 * Wrong email, wrong password and deactivated account all get the same message. Each attempt first claims a slot
 * on the account's counter (unless it comes from a known device, or an address the account signed in from within
 * KNOWN_ADDRESS_MS)
 * and on the client address's counter; past SIGN_IN_MAX_FAILURES / SIGN_IN_MAX_ADDRESS_FAILURES failures in the
 * window the attempt is refused with 429 before the password is checked. A success clears the account's counter
 * and gives the address its slot back.
 */
export async function signIn(
  input: { email: string; password: string },
  headers: Headers,
  requestId: string,
): Promise<{ headers: Headers; user: { id: string; email: string; name: string } }> {
  await ensureBootstrapAdmin();
  const address = clientAddress(headers);
  const known =
    isKnownDevice(headers, input.email) ||
    (address
      ? await prisma.signInAddress.findFirst({
          where: { email: input.email, address, lastAt: { gte: new Date(Date.now() - KNOWN_ADDRESS_MS) } },
        })
      : null);
  const accountKey = `account:${input.email}`;
  const addressKey = address ? `address:${address}` : null;
  const claimed: string[] = [];
  for (const [key, limit] of [
    [addressKey, SIGN_IN_MAX_ADDRESS_FAILURES],
    [known ? null : accountKey, SIGN_IN_MAX_FAILURES],
  ] as const) {
    if (!key) continue;
    if (await claim(key, limit)) {
      claimed.push(key);
      continue;
    }
    await Promise.all(claimed.map(release));
    const retryMin = await retryMinutes(key);
    await recordSignIn(input.email, "failure", requestId, "throttled", undefined, address);
    const who = key === accountKey ? "this email" : "your address";
    throw new ApiError(
      "rate_limited",
      `Too many failed sign-ins for ${who}. Try again in ${retryMin} minute${retryMin === 1 ? "" : "s"}, or ask an admin to reset your password.`,
    );
  }
  const user = await prisma.user.findUnique({ where: { email: input.email }, select: { active: true } });
  const res =
    user?.active === false
      ? null
      : await getAuth().api.signInEmail({
          body: { email: input.email, password: input.password },
          headers,
          asResponse: true,
        });
  if (!res || !res.ok) {
    // The claimed slots stay taken: they are the failures counted in the window.
    await recordSignIn(
      input.email,
      "failure",
      requestId,
      user ? (user.active ? "wrong password" : "account deactivated") : "unknown email",
      undefined,
      address,
    );
    throw new ApiError("unauthorized", WRONG);
  }
  const body = (await res.json()) as { user: { id: string; email: string; name: string } };
  await prisma.signInThrottle.deleteMany({ where: { key: accountKey } });
  if (addressKey) {
    await release(addressKey);
    await prisma.signInAddress.upsert({
      where: { email_address: { email: input.email, address: address! } },
      create: { email: input.email, address: address! },
      update: { lastAt: new Date() },
    });
  }
  await recordSignIn(input.email, "success", requestId, undefined, body.user.id, address);
  res.headers.append("set-cookie", knownDeviceCookie(input.email));
  return { headers: res.headers, user: { id: body.user.id, email: body.user.email, name: body.user.name } };
}

/** Ends the session of the request's cookie (and clears the cookie). */
export async function signOut(headers: Headers): Promise<Headers> {
  const res = await getAuth().api.signOut({ headers, asResponse: true });
  return res.headers;
}
