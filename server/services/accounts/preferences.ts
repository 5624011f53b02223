import "server-only";
import type { PreferencesDto } from "@/lib/schemas/preferences";
import { isTimeZone, UTC } from "@/lib/time";
import { prisma } from "@/server/db/prisma";
import { audited, type AuditContext } from "@/server/services/audit/record-audit";

/** The user's display settings; UTC until they choose otherwise. */
export async function getPreferences(userId: string): Promise<PreferencesDto> {
  const row = await prisma.userPreference.findUnique({ where: { userId } });
  return { timeZone: row && isTimeZone(row.timeZone) ? row.timeZone : UTC };
}

/** Saves the signed-in user's own display settings (audited; a user changes only their own). */
export async function savePreferences(body: PreferencesDto, ctx: AuditContext): Promise<PreferencesDto> {
  const before = await getPreferences(ctx.actor.id);
  return audited(
    ctx,
    { action: "preferences.updated", targetType: "user", target: ctx.actor.email, before },
    async () => {
      const row = await prisma.userPreference.upsert({
        where: { userId: ctx.actor.id },
        create: { userId: ctx.actor.id, timeZone: body.timeZone },
        update: { timeZone: body.timeZone },
      });
      return { timeZone: row.timeZone };
    },
  );
}
