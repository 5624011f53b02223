import { z } from "zod";
import { ROLES } from "../auth/roles";
import { roleBindingsSchema } from "./accounts";

/** Every API token starts with this, so a leaked one is recognisable (secret scanners, logs). */
export const API_TOKEN_PREFIX = "sluice_";
/** The longest a token may live: one year. */
export const API_TOKEN_MAX_DAYS = 366;

export const createTokenBodySchema = z.object({
  /** The service identity's name (or what the user's token is for); shown in the audit log as token:<name>. */
  name: z
    .string()
    .trim()
    .min(1, "enter a name")
    .max(64, "use at most 64 characters")
    .regex(/^[A-Za-z0-9][A-Za-z0-9._@-]*$/, "use letters, digits and . _ @ - (starting with a letter or digit)"),
  /** For a user: the token acts as them (their teams) with the roles below; absent: a service identity. */
  userId: z.string().min(1).max(100).optional(),
  roles: roleBindingsSchema.refine((r) => Object.keys(r).length > 0, "grant at least one role"),
  expiresAt: z.coerce
    .date({ error: "enter an expiry date" })
    .refine((d) => d.getTime() > Date.now(), "the expiry must be in the future")
    .refine(
      (d) => d.getTime() <= Date.now() + API_TOKEN_MAX_DAYS * 86_400_000,
      `a token lives at most ${API_TOKEN_MAX_DAYS} days`,
    ),
});
export type CreateTokenBody = z.infer<typeof createTokenBodySchema>;
export const tokenParamsSchema = z.object({ tokenId: z.string().min(1).max(100) });

/** GET /api/tokens: never the secret, only its first characters. */
export const ApiTokenDtoSchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  user: z.object({ id: z.string(), email: z.string() }).nullable(),
  roles: z.record(z.string(), z.enum(ROLES)),
  expiresAt: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
  revokedAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  status: z.enum(["active", "expired", "revoked"]),
});
export type ApiTokenDto = z.infer<typeof ApiTokenDtoSchema>;
export const ApiTokenListSchema = z.object({ tokens: z.array(ApiTokenDtoSchema) });
/** POST /api/tokens: the secret, in this one answer only. */
export const CreatedTokenSchema = z.object({ id: z.string(), token: z.string(), info: ApiTokenDtoSchema });
