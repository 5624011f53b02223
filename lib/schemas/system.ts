import { z } from "zod";

/** GET /api/health: the process answers. */
export const HealthSchema = z.object({ status: z.literal("ok") });
/** GET /api/ready: the database answers (503 in the error envelope otherwise). */
export const ReadySchema = z.object({ status: z.literal("ready"), database: z.enum(["postgresql", "sqlite"]) });
