import { z } from "zod";
import { MessageSchema } from "@/lib/schemas/messages";

/** Events of the message stream (search and live tail): GET /api/clusters/:id/topics/:topic/messages/stream. */
export const MessageStreamEvents = {
  /** connecting → seeking → consuming (→ following once the captured end offsets are passed, with follow=true). */
  phase: z.object({
    phase: z.enum(["connecting", "seeking", "consuming", "following", "reconnecting"]),
    message: z.string().optional(),
  }),
  /** At least once a second while scanning. */
  progress: z.object({
    scanned: z.number(),
    matched: z.number(),
    bytes: z.number(),
    elapsedMs: z.number(),
    partitions: z.array(z.object({ partition: z.number(), offset: z.string(), end: z.string() })),
    /** Records on which the CEL filter failed (e.g. a field missing): they count as non-matching. */
    filterErrors: z.object({ count: z.number(), example: z.string() }).optional(),
  }),
  /** A batch of matching records (flushed every ~250 ms or 200 records). */
  messages: z.object({ messages: z.array(MessageSchema) }),
  done: z.object({
    reason: z.enum(["end", "limit", "timeout", "cancelled"]),
    scanned: z.number(),
    matched: z.number(),
    elapsedMs: z.number(),
  }),
  error: z.object({ code: z.string(), message: z.string(), fatal: z.boolean() }),
};
export type MessageStreamEventName = keyof typeof MessageStreamEvents;
export type MessageStreamEvent = {
  [K in MessageStreamEventName]: { event: K; data: z.infer<(typeof MessageStreamEvents)[K]> };
}[MessageStreamEventName];
