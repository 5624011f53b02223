import { z } from "zod";

export const auditQuerySchema = z.object({
  q: z.string().trim().max(200).optional(),
  actor: z.string().trim().max(254).optional(),
  action: z.string().trim().max(100).optional(),
  clusterId: z.string().max(100).optional(),
  result: z.enum(["success", "failure", "denied"]).optional(),
  from: z.iso.datetime({ offset: true, error: "from must be an ISO date-time" }).optional(),
  to: z.iso.datetime({ offset: true, error: "to must be an ISO date-time" }).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional().default(100),
});
export type AuditQuery = z.input<typeof auditQuerySchema>;

export const AuditEventDtoSchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  actor: z.string(),
  clusterId: z.string().nullable(),
  action: z.string(),
  targetType: z.string(),
  target: z.string(),
  result: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  error: z.string().nullable(),
  requestId: z.string().nullable(),
  /** The API token the actor used, when not a session. */
  tokenId: z.string().optional(),
});
export type AuditEventDto = z.infer<typeof AuditEventDtoSchema>;
export const AuditPageSchema = z.object({ events: z.array(AuditEventDtoSchema), nextCursor: z.string().nullable() });
export type AuditPage = z.infer<typeof AuditPageSchema>;
