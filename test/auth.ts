import { POST as signInRoute } from "@/app/api/session/route";
import type { Role } from "@/lib/auth/roles";
import { createLocalUser } from "@/server/auth/users";
import { prisma } from "@/server/db/prisma";

export const TEST_PASSWORD = "correct horse battery staple";

export type TestUser = { id: string; email: string; cookie: string };

/** A JSON request's init, signed in as `user`. */
export const jsonAs = (method: string, body: unknown, user: TestUser) => ({
  method,
  body: JSON.stringify(body),
  headers: { "content-type": "application/json", cookie: user.cookie },
});

const cache = new Map<string, Promise<TestUser>>();

/** Makes sure a team exists with exactly these prefixes; returns its id. */
export async function testTeam(name: string, prefixes: string[]): Promise<string> {
  const team = await prisma.team.upsert({
    where: { name },
    create: { name, prefixes: JSON.stringify(prefixes) },
    update: { prefixes: JSON.stringify(prefixes) },
  });
  return team.id;
}

/**
 * A user with exactly these roles and teams (created once, reset on every call in a new test file), signed in
 * through Sluice's real sign-in route; returns the session cookie to send.
 */
export function testUser(email: string, roles: Record<string, Role>, teamIds: string[] = []): Promise<TestUser> {
  const key = JSON.stringify([email, roles, teamIds]);
  let user = cache.get(key);
  if (!user) {
    user = (async () => {
      const existing = await prisma.user.findUnique({ where: { email } });
      const id = existing
        ? existing.id
        : (await createLocalUser({ email, name: email.split("@")[0], password: TEST_PASSWORD, roles: {} })).id;
      await prisma.$transaction([
        prisma.user.update({ where: { id }, data: { active: true } }),
        prisma.roleBinding.deleteMany({ where: { userId: id } }),
        prisma.teamMember.deleteMany({ where: { userId: id } }),
        prisma.signInThrottle.deleteMany({ where: { key: `account:${email}` } }),
        ...Object.entries(roles).map(([clusterId, role]) =>
          prisma.roleBinding.create({ data: { userId: id, clusterId, role } }),
        ),
        ...teamIds.map((teamId) => prisma.teamMember.create({ data: { userId: id, teamId } })),
      ]);
      const res = await signInRoute(
        new Request("http://sluice.test/api/session", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ email, password: TEST_PASSWORD }),
        }),
        { params: Promise.resolve({}) },
      );
      if (res.status !== 200) throw new Error(`test sign-in of ${email} failed: ${res.status} ${await res.text()}`);
      const cookie = res.headers
        .getSetCookie()
        .map((c) => c.split(";")[0])
        .join("; ");
      return { id, email, cookie };
    })();
    cache.set(key, user);
  }
  return user;
}

/** The admin (on every cluster) that tests act as unless they say otherwise. */
export const sluiceAdmin = () => testUser("admin@sluice.test", { "*": "admin" });

/** Headers carrying the admin's session cookie, merged with `headers`. */
export async function asAdmin(headers: HeadersInit = {}): Promise<Headers> {
  const h = new Headers(headers);
  if (!h.has("cookie")) h.set("cookie", (await sluiceAdmin()).cookie);
  return h;
}
