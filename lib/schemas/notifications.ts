import { z } from "zod";

/** POST /api/me/notifications/read: these notifications, or every one of the signed-in user's. */
export const markReadBodySchema = z.union([
  z.strictObject({ ids: z.array(z.string().min(1).max(100)).min(1).max(500) }),
  z.strictObject({ all: z.literal(true) }),
]);
export type MarkReadBody = z.infer<typeof markReadBodySchema>;

export const UserNotificationDtoSchema = z.object({
  id: z.string(),
  clusterId: z.string(),
  kind: z.string(),
  subject: z.string(),
  message: z.string(),
  link: z.string(),
  read: z.boolean(),
  createdAt: z.string(),
});
export type UserNotificationDto = z.infer<typeof UserNotificationDtoSchema>;
/** A firing alert of a cluster the user has a role on. */
export const FiringAlertDtoSchema = z.object({
  id: z.string(),
  clusterId: z.string(),
  ruleId: z.string(),
  ruleName: z.string(),
  subject: z.string(),
  message: z.string(),
  firedAt: z.string().nullable(),
  link: z.string(),
});
export type FiringAlertDto = z.infer<typeof FiringAlertDtoSchema>;
export const NotificationsDtoSchema = z.object({
  unread: z.number(),
  notifications: z.array(UserNotificationDtoSchema),
  alerts: z.array(FiringAlertDtoSchema),
});
export type NotificationsDto = z.infer<typeof NotificationsDtoSchema>;
/** POST /api/me/notifications/read: how many were marked, how many stay unread. */
export const MarkReadResultSchema = z.object({ marked: z.number(), unread: z.number() });
