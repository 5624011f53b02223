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

export type AuditEventDto = {
  id: string;
  createdAt: string;
  actor: string;
  clusterId: string | null;
  action: string;
  targetType: string;
  target: string;
  result: string;
  before: unknown;
  after: unknown;
  error: string | null;
  requestId: string | null;
  /** The API token the actor used, when not a session. */
  tokenId?: string;
};
export type AuditPage = { events: AuditEventDto[]; nextCursor: string | null };
