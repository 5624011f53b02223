import { z } from "zod";
import { isTimeZone } from "@/lib/time";

/** Display settings kept per user on the server. */
export const preferencesBodySchema = z.object({
  timeZone: z.string().trim().min(1).max(64).refine(isTimeZone, "use UTC or a time zone name such as Europe/Berlin"),
});
export type PreferencesDto = z.infer<typeof preferencesBodySchema>;
