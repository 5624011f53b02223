import { z } from "zod";
import { prefixProblem } from "../auth/ownership";
import { ROLES } from "../auth/roles";

export const emailSchema = z.string().trim().toLowerCase().email("enter an email address").max(254);
export const passwordSchema = z.string().min(8, "use at least 8 characters").max(256, "use at most 256 characters");

export const signInBodySchema = z.object({
  email: emailSchema,
  password: z.string().min(1, "enter your password").max(256),
});
export const setupBodySchema = z.object({
  email: emailSchema,
  name: z.string().trim().min(1).max(100),
  password: passwordSchema,
});

export const roleSchema = z.enum(ROLES);
/** clusterId (or "*" for every cluster) → role; a cluster left out has no binding. */
export const roleBindingsSchema = z.record(z.string().min(1).max(100), roleSchema);

export const createUserBodySchema = z.object({
  email: emailSchema,
  name: z.string().trim().min(1, "enter a name").max(100),
  password: passwordSchema,
  roles: roleBindingsSchema.default({}),
  teamIds: z.array(z.string().min(1)).max(100).default([]),
});
export const updateUserBodySchema = z
  .object({
    name: z.string().trim().min(1).max(100).optional(),
    password: passwordSchema.optional(),
    active: z.boolean().optional(),
    roles: roleBindingsSchema.optional(),
    teamIds: z.array(z.string().min(1)).max(100).optional(),
  })
  .refine((b) => Object.keys(b).length > 0, "change at least one field");

const prefixSchema = z
  .string()
  .max(100)
  .superRefine((p, ctx) => {
    const problem = prefixProblem(p);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });
export const teamBodySchema = z.object({
  name: z.string().trim().min(1, "enter a team name").max(100),
  prefixes: z.array(prefixSchema).min(1, "a team owns at least one prefix").max(20),
  oidcGroup: z
    .string()
    .trim()
    .max(200)
    .nullish()
    .transform((v) => v || null),
});
export const teamParamsSchema = z.object({ teamId: z.string().min(1) });
export const userParamsSchema = z.object({ userId: z.string().min(1) });

const ref = z.object({ id: z.string(), name: z.string() });
export const TeamDtoSchema = z.object({
  id: z.string(),
  name: z.string(),
  prefixes: z.array(z.string()),
  oidcGroup: z.string().nullable(),
  members: z.array(ref.extend({ email: z.string() })),
});
export type TeamDto = z.infer<typeof TeamDtoSchema>;
export const UserDtoSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  active: z.boolean(),
  createdAt: z.string(),
  roles: z.record(z.string(), z.enum(ROLES)),
  teams: z.array(ref),
  signInMethods: z.array(z.string()),
});
export type UserDto = z.infer<typeof UserDtoSchema>;
export const TeamListSchema = z.object({ teams: z.array(TeamDtoSchema) });
export const UserListSchema = z.object({ users: z.array(UserDtoSchema) });

/** GET /api/me: who is signed in and what they may do per cluster (the UI hides the rest). */
export const MeDtoSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  roles: z.record(z.string(), z.enum(ROLES)),
  teams: z.array(ref.extend({ prefixes: z.array(z.string()) })),
  globalAdmin: z.boolean(),
  /** clusterId → permissions granted there (scoped ones still need a team prefix below admin) */
  permissions: z.record(z.string(), z.array(z.string())),
});
export type MeDto = z.infer<typeof MeDtoSchema>;

/** POST /api/session and POST /api/setup: the signed-in (or first) user. */
export const SessionUserSchema = z.object({ user: z.object({ id: z.string(), email: z.string(), name: z.string() }) });
