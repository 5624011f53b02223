import "server-only";
import { ALERT_EVENT_KINDS } from "@/lib/alerts/rules";
import { prisma } from "@/server/db/prisma";

/**
 * Event kinds alert rules of kind `event` can match (ALERT_EVENT_KINDS, shared with the rule form). group.health_changed
 * comes from the sampler; the request and drift kinds are for the request services to emit (`emitEvent`) when a
 * request is submitted, decided, provisioned or fails, or drift is found.
 */
export const EVENT_KINDS = ALERT_EVENT_KINDS;
export type EventKind = (typeof EVENT_KINDS)[number];

export type ObservationEventInput = {
  kind: EventKind;
  clusterId: string;
  /** what it is about: a group id, a topic name, a request id */
  subject: string;
  /** small JSON-able details shown in notifications (e.g. {from, to, rule}, {requester, topic, decision}) */
  data?: Record<string, unknown>;
  at?: Date;
};

/** Stores an event; the next evaluation of the cluster's rules turns it into notifications. Throws on a database error. */
export async function recordEvent(e: ObservationEventInput): Promise<void> {
  await prisma.observationEvent.create({
    data: {
      clusterId: e.clusterId,
      kind: e.kind,
      subject: e.subject.slice(0, 500),
      data: JSON.stringify(e.data ?? {}).slice(0, 10_000),
      ...(e.at ? { at: e.at } : {}),
    },
  });
}

/**
 * The entry point for other services (topic requests, drift checks): records the event and never throws, so a
 * notification problem can never fail the caller's own work. Example:
 * `void emitEvent({ kind: "request.submitted", clusterId, subject: request.id, data: { topic, requester } })`.
 */
export async function emitEvent(e: ObservationEventInput): Promise<void> {
  await recordEvent(e).catch((error) =>
    console.error(`[alerts] could not record the event ${e.kind} of ${e.clusterId}:`, error),
  );
}
