import "server-only";
import type { FiringAlertDto, MarkReadBody, NotificationsDto } from "@/lib/schemas/notifications";
import { paths } from "@/lib/paths";
import { ACTOR_INCLUDE, toActor } from "@/server/auth/actor-row";
import { hasRole, roleOn, type Actor } from "@/server/auth/permissions";
import { getConfig } from "@/server/config";
import { prisma } from "@/server/db/prisma";
import { enqueueNotification } from "@/server/services/alerts/outbox";
import { audited, type AuditContext } from "@/server/services/audit/record-audit";
import { decidingTeamId } from "@/server/services/requests/request-access";

type Event = { id: string; clusterId: string; kind: string; subject: string; data: string; at: Date };
type Recipient = { id: string; email: string };

/** Request events that reach people in the app (and by e-mail when SMTP is configured). */
export const ROUTED_KINDS = ["request.submitted", "request.decided", "request.provisioned", "request.failed"] as const;
/** Newest notifications shown per user; older ones stay stored until pruned. */
const LIST_LIMIT = 50;
const MAX_FIRING = 50;

const isUnique = (e: unknown) => typeof e === "object" && e !== null && (e as { code?: string }).code === "P2002";

function parseData(raw: string): Record<string, unknown> {
  try {
    const v = JSON.parse(raw) as unknown;
    return v && typeof v === "object" ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** The user rows (active) with their roles and teams, as Actors, for the permission helpers. */
type UserWhere = NonNullable<NonNullable<Parameters<typeof prisma.user.findMany>[0]>["where"]>;
async function actorsWhere(where: UserWhere): Promise<Actor[]> {
  const users = await prisma.user.findMany({
    where: { ...where, active: true },
    include: ACTOR_INCLUDE,
    take: 1_000,
  });
  return users.map(toActor);
}

type RequestRow = NonNullable<Awaited<ReturnType<typeof prisma.topicRequest.findUnique>>>;

/**
 * Who an event concerns: request.submitted → the approvers of the deciding team (never the requester), or the
 * cluster's admins when no team decides; decided / provisioned / failed → the requester.
 */
async function recipients(kind: string, r: RequestRow): Promise<Recipient[]> {
  if (kind === "request.submitted") {
    const team = decidingTeamId(r);
    const candidates =
      team === null
        ? await actorsWhere({ roles: { some: { OR: [{ clusterId: r.clusterId }, { clusterId: "*" }] } } })
        : await actorsWhere({ teams: { some: { teamId: team } } });
    return candidates.filter(
      (a) =>
        a.id !== r.requesterId &&
        (team === null ? roleOn(a, r.clusterId) === "admin" : hasRole(a, "requests:decide", r.clusterId)),
    );
  }
  return actorsWhere({ id: r.requesterId });
}

function describe(r: RequestRow): string {
  const what = r.topicName ? `${r.kind} "${r.topicName}"` : r.principal ? `${r.kind} for ${r.principal}` : r.kind;
  return `${what} on ${r.clusterId}`;
}

function sentence(kind: string, r: RequestRow, data: Record<string, unknown>): string {
  switch (kind) {
    case "request.submitted":
      return `${r.requesterName} asks: ${describe(r)}; waiting for your decision`;
    case "request.decided":
      return `Your request (${describe(r)}) was ${data.decision === "reject" ? "rejected" : "approved"} by ${String(data.decider ?? r.deciderName ?? "an approver")}${typeof data.comment === "string" && data.comment ? `: ${data.comment.slice(0, 300)}` : ""}`;
    case "request.provisioned":
      return `Your request (${describe(r)}) was provisioned`;
    default:
      return `Your request (${describe(r)}) failed: ${String(data.reason ?? r.failureReason ?? "unknown reason").slice(0, 300)}`;
  }
}

/**
 * Routes one observation event to the people it concerns: one UserNotification per (user, event) — a replayed event
 * stores nothing new — and, when SMTP is configured, one e-mail per user through the outbox (key per event and
 * user, so retries and the delivery log apply and nothing is sent twice). Other event kinds are ignored.
 */
export async function routeEvent(e: Event): Promise<number> {
  if (!(ROUTED_KINDS as readonly string[]).includes(e.kind)) return 0;
  const r = await prisma.topicRequest.findUnique({ where: { id: e.subject } });
  if (!r || r.clusterId !== e.clusterId) return 0;
  const message = sentence(e.kind, r, parseData(e.data));
  const smtp = !!getConfig().notifications.smtp;
  let stored = 0;
  for (const user of await recipients(e.kind, r)) {
    try {
      await prisma.userNotification.create({
        data: {
          userId: user.id,
          clusterId: e.clusterId,
          kind: e.kind,
          subject: e.subject,
          eventId: e.id,
          message,
          createdAt: e.at,
        },
      });
      stored++;
    } catch (error) {
      if (!isUnique(error)) throw error;
    }
    if (smtp && user.email) {
      await enqueueNotification(
        { id: "inbox", clusterId: e.clusterId, name: "Request notifications" },
        [{ type: "email", to: [user.email] }],
        `inbox:${e.id}:${user.id}`,
        {
          cluster: e.clusterId,
          subject: e.subject,
          state: "event",
          event: e.kind,
          message,
          at: e.at.toISOString(),
          link: paths.request(e.clusterId, e.subject),
        },
      );
    }
  }
  return stored;
}

/** The signed-in user's notifications (newest first) and the firing alerts of every cluster they have a role on. */
export async function listNotifications(actor: Actor): Promise<NotificationsDto> {
  const [rows, unread] = await Promise.all([
    prisma.userNotification.findMany({ where: { userId: actor.id }, orderBy: { createdAt: "desc" }, take: LIST_LIMIT }),
    prisma.userNotification.count({ where: { userId: actor.id, readAt: null } }),
  ]);
  const everywhere = roleOn(actor, "*") !== null;
  const clusters = Object.keys(actor.roles).filter((c) => c !== "*" && roleOn(actor, c) !== null);
  const firing =
    everywhere || clusters.length
      ? await prisma.alertState.findMany({
          where: { state: "firing", ...(everywhere ? {} : { clusterId: { in: clusters } }) },
          orderBy: { firedAt: "desc" },
          take: MAX_FIRING * 2,
        })
      : [];
  // A cluster binding wins over "*": drop clusters where the user's own binding says otherwise (none today, but fail closed).
  const visible = firing
    .filter((s) => roleOn(actor, s.clusterId) !== null && hasRole(actor, "alerts:read", s.clusterId))
    .slice(0, MAX_FIRING);
  const names = new Map(
    (
      await prisma.alertRule.findMany({
        where: { id: { in: [...new Set(visible.map((s) => s.ruleId))] } },
        select: { id: true, name: true },
      })
    ).map((x) => [x.id, x.name]),
  );
  const alerts: FiringAlertDto[] = visible.map((s) => ({
    id: s.id,
    clusterId: s.clusterId,
    ruleId: s.ruleId,
    ruleName: names.get(s.ruleId) ?? "(deleted rule)",
    subject: s.subject,
    message: s.message,
    firedAt: s.firedAt?.toISOString() ?? null,
    link: paths.alerts(s.clusterId),
  }));
  return {
    unread,
    notifications: rows.map((n) => ({
      id: n.id,
      clusterId: n.clusterId,
      kind: n.kind,
      subject: n.subject,
      message: n.message,
      link: n.kind.startsWith("alert.") ? paths.alerts(n.clusterId) : paths.request(n.clusterId, n.subject),
      read: n.readAt !== null,
      createdAt: n.createdAt.toISOString(),
    })),
    alerts,
  };
}

/** Marks the user's own notifications read (ids of another user's are ignored); audited. Returns how many changed. */
export async function markRead(body: MarkReadBody, ctx: AuditContext): Promise<{ marked: number; unread: number }> {
  return audited(ctx, { action: "notifications.read", targetType: "user", target: ctx.actor.email }, async () => {
    const where = { userId: ctx.actor.id, readAt: null, ...("ids" in body ? { id: { in: body.ids } } : {}) };
    const { count } = await prisma.userNotification.updateMany({ where, data: { readAt: new Date() } });
    return {
      marked: count,
      unread: await prisma.userNotification.count({ where: { userId: ctx.actor.id, readAt: null } }),
    };
  });
}
