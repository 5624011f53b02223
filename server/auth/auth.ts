import "server-only";
import { processState } from "@/server/process-state";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { genericOAuth } from "better-auth/plugins";
import { hostPolicy, trustedHostPatterns, trustedOrigins } from "@/lib/security/hosts";
import { DEFAULT_DATABASE_URL, isPostgresUrl, prisma } from "@/server/db/prisma";
import { onOidcUserCreated, syncOidcTeams } from "./oidc-teams";

/** Session lifetime: 12 h, renewed once an hour while in use. */
export const SESSION_TTL_SECONDS = 12 * 60 * 60;

/**
 * The signing secret: BETTER_AUTH_SECRET (or SLUICE_AUTH_SECRET) when set, else one generated on first start and
 * kept in .data/auth-secret, so sessions survive restarts of a local install without any setup.
 */
export function authSecret(): string {
  const fromEnv = process.env.SLUICE_AUTH_SECRET ?? process.env.BETTER_AUTH_SECRET;
  if (fromEnv) return fromEnv;
  const file = path.resolve(process.env.SLUICE_DATA_DIR ?? ".data", "auth-secret");
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const secret = crypto.randomBytes(32).toString("base64url");
    try {
      fs.writeFileSync(file, secret, { flag: "wx", mode: 0o600 });
      return secret;
    } catch {
      return fs.readFileSync(file, "utf8").trim(); // another process wrote it first
    }
  }
}

/** OIDC sign-in is on when SLUICE_OIDC_ISSUER, _CLIENT_ID and _CLIENT_SECRET are set. */
export function oidcConfigured(): boolean {
  return !!(
    process.env.SLUICE_OIDC_ISSUER &&
    process.env.SLUICE_OIDC_CLIENT_ID &&
    process.env.SLUICE_OIDC_CLIENT_SECRET
  );
}

function createAuth() {
  const url = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
  const hosts = hostPolicy(process.env);
  return betterAuth({
    appName: "Sluice",
    // SLUICE_PUBLIC_URL when set (needed for OIDC redirects behind a proxy); else the host each request came to,
    // among the hosts Sluice answers to (lib/security/hosts.ts, also enforced by proxy.ts).
    baseURL: process.env.SLUICE_PUBLIC_URL ?? {
      allowedHosts: trustedHostPatterns(hosts),
      protocol: "auto",
      fallback: "http://localhost",
    },
    // Callback URLs and origins: only Sluice's own (the sign-in page sends a relative path).
    trustedOrigins: trustedOrigins(hosts),
    basePath: "/api/auth",
    secret: authSecret(),
    database: prismaAdapter(prisma, { provider: isPostgresUrl(url) ? "postgresql" : "sqlite" }),
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 8, maxPasswordLength: 256 },
    user: { additionalFields: { active: { type: "boolean", defaultValue: true, input: false } } },
    session: { expiresIn: SESSION_TTL_SECONDS, updateAge: 60 * 60 },
    // Sign-in throttling is Sluice's own (per email, in the database; see server/services/accounts/sign-in.ts).
    rateLimit: { enabled: false },
    telemetry: { enabled: false },
    advanced: {
      cookiePrefix: "sluice",
      useSecureCookies: process.env.SLUICE_PUBLIC_URL?.startsWith("https://") ?? false,
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax", path: "/" },
    },
    databaseHooks: {
      // Users created by single sign-on get SLUICE_DEFAULT_ROLE (viewer unless set; "none" for no access) on every
      // cluster; local users are created by Sluice with explicit roles and do not pass through here.
      user: {
        create: {
          after: async (user) => {
            await onOidcUserCreated(user); // audited, with its default-role grant
          },
        },
      },
      session: {
        create: {
          after: async (session) => {
            await syncOidcTeams(session.userId);
          },
        },
      },
    },
    plugins: oidcConfigured()
      ? [
          genericOAuth({
            config: [
              {
                providerId: "oidc",
                discoveryUrl: `${process.env.SLUICE_OIDC_ISSUER!.replace(/\/$/, "")}/.well-known/openid-configuration`,
                clientId: process.env.SLUICE_OIDC_CLIENT_ID!,
                clientSecret: process.env.SLUICE_OIDC_CLIENT_SECRET!,
                scopes: (process.env.SLUICE_OIDC_SCOPES ?? "openid profile email groups").split(/\s+/),
                pkce: true,
              },
            ],
          }),
        ]
      : [],
  });
}

type Auth = ReturnType<typeof createAuth>;
/** One better-auth instance per process. */
export function getAuth(): Auth {
  return processState<Auth>("Auth", () => createAuth());
}
