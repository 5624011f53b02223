import { z } from "zod";
import { prefixProblem } from "../auth/ownership";
import { ROLES } from "../auth/roles";

export const emailSchema = z.string().trim().toLowerCase().email("enter an email address").max(254);
export const passwordSchema = z.string().min(8, "use at least 8 characters").max(256, "use at most 256 characters");

export const signInBodySchema = z.object({ email: emailSchema, password: z.string().min(1, "enter your password").max(256) });
export const setupBodySchema = z.object({ email: emailSchema, name: z.string().trim().min(1).max(100), password: passwordSchema });

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
  oidcGroup: z.string().trim().max(200).nullish().transform((v) => v || null),
});
export const teamParamsSchema = z.object({ teamId: z.string().min(1) });
export const userParamsSchema = z.object({ userId: z.string().min(1) });

export type TeamDto = { id: string; name: string; prefixes: string[]; oidcGroup: string | null; members: { id: string; name: string; email: string }[] };
export type UserDto = { id: string; name: string; email: string; active: boolean; createdAt: string; roles: Record<string, (typeof ROLES)[number]>; teams: { id: string; name: string }[]; signInMethods: string[] };

/** GET /api/me: who is signed in and what they may do per cluster (the UI hides the rest). */
export type MeDto = {
  id: string;
  name: string;
  email: string;
  roles: Record<string, (typeof ROLES)[number]>;
  teams: { id: string; name: string; prefixes: string[] }[];
  globalAdmin: boolean;
  /** clusterId → permissions granted there (scoped ones still need a team prefix below admin) */
  permissions: Record<string, string[]>;
};
