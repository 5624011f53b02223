import { describe, expect, it } from "vitest";
import { onOidcUserCreated, syncOidcTeams } from "@/server/auth/oidc-teams";
import { prisma } from "@/server/db/prisma";
import { testTeam } from "../../auth";

// An ID token as the IdP issues it (syncOidcTeams reads claims only; the signature was checked at sign-in).
const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString("base64url");
const idToken = (groups: string[]) => `${b64({ alg: "RS256", typ: "JWT" })}.${b64({ sub: "u1", groups })}.c2ln`;

describe("single sign-on changes are audited", () => {
  it("user creation, the default-role grant and IdP team joins/leaves each leave a row", async () => {
    const run = Date.now().toString(36);
    const email = `oidc-audit-${run}@sluice.test`;
    const pay = await testTeam(`it-oidc-pay-${run}`, ["it.oidcpay."]);
    const ship = await testTeam(`it-oidc-ship-${run}`, ["it.oidcship."]);
    await prisma.team.update({ where: { id: pay }, data: { oidcGroup: `kafka-pay-${run}` } });
    await prisma.team.update({ where: { id: ship }, data: { oidcGroup: `kafka-ship-${run}` } });
    // What better-auth's user.create hook receives for a new SSO user.
    const user = await prisma.user.create({
      data: { id: `oidc-${run}`, email, name: "Oidc Audit", emailVerified: true },
    });
    await onOidcUserCreated(user);
    const account = await prisma.account.create({
      data: {
        id: `acc-${run}`,
        accountId: `sub-${run}`,
        providerId: "oidc",
        userId: user.id,
        idToken: idToken([`kafka-pay-${run}`]),
      },
    });
    await syncOidcTeams(user.id);
    await prisma.account.update({ where: { id: account.id }, data: { idToken: idToken([`kafka-ship-${run}`]) } });
    await syncOidcTeams(user.id);

    const rows = await prisma.auditEvent.findMany({
      where: { OR: [{ target: email }, { target: { in: [pay, ship] } }] },
      orderBy: { createdAt: "asc" },
    });
    expect(rows.map((r) => [r.action, r.target, r.result, r.actor].join(" ")).sort()).toEqual([
      `team.member-joined ${pay} success oidc`,
      `team.member-joined ${ship} success oidc`,
      `team.member-left ${pay} success oidc`,
      `user.created ${email} success oidc`,
      `user.role-granted ${email} success oidc`,
    ]);
    expect(JSON.parse(rows.find((r) => r.action === "user.role-granted")!.after!)).toMatchObject({
      roles: { "*": "viewer" },
    });
    expect(JSON.parse(rows.find((r) => r.action === "team.member-left")!.after!)).toMatchObject({
      email,
      groups: [`kafka-ship-${run}`],
    });
  });
});
