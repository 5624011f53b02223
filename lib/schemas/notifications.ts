import { z } from "zod";

/** POST /api/me/notifications/read: these notifications, or every one of the signed-in user's. */
export const markReadBodySchema = z.union([
  z.strictObject({ ids: z.array(z.string().min(1).max(100)).min(1).max(500) }),
  z.strictObject({ all: z.literal(true) }),
]);
export type MarkReadBody = z.infer<typeof markReadBodySchema>;

export type UserNotificationDto = { id: string; clusterId: string; kind: string; subject: string; message: string; link: string; read: boolean; createdAt: string };
/** A firing alert of a cluster the user has a role on. */
export type FiringAlertDto = { id: string; clusterId: string; ruleId: string; ruleName: string; subject: string; message: string; firedAt: string | null; link: string };
export type NotificationsDto = { unread: number; notifications: UserNotificationDto[]; alerts: FiringAlertDto[] };
