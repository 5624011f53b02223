import "server-only";
import {
  alertParamsSchema,
  alertChannelSchema,
  type AlertChannel,
  type AlertRuleBody,
  type AlertRuleDto,
} from "@/lib/alerts/rules";
import type { Actor } from "@/server/auth/permissions";
import { getClusterConfigOrThrow } from "@/server/config";
import { prisma } from "@/server/db/prisma";
import { ApiError } from "@/server/http/api-error";
import { audited, type AuditContext } from "@/server/services/audit/record-audit";
import { assertMayManage, assertMayOwn, isClusterAdmin } from "./team-scope";

type AlertRule = NonNullable<Awaited<ReturnType<typeof prisma.alertRule.findFirst>>>;

/** Secrets never leave the server: a webhook secret is answered as "set". */
const maskChannel = (c: AlertChannel): AlertChannel =>
  c.type === "webhook" && c.secret ? { ...c, secret: "********" } : c;

export function parseChannels(raw: string): AlertChannel[] {
  try {
    return (JSON.parse(raw) as unknown[]).flatMap((c) => {
      const r = alertChannelSchema.safeParse(c);
      return r.success ? [r.data] : [];
    });
  } catch {
    return [];
  }
}

export function toRuleDto(r: AlertRule, mask = true, teamName: string | null = null): AlertRuleDto {
  const channels = parseChannels(r.channels);
  return {
    id: r.id,
    clusterId: r.clusterId,
    teamId: r.teamId,
    teamName: r.teamId ? (teamName ?? r.teamId) : null,
    name: r.name,
    params: alertParamsSchema.parse(JSON.parse(r.params)),
    forSeconds: r.forSeconds,
    repeatSeconds: r.repeatSeconds,
    channels: mask ? channels.map(maskChannel) : channels,
    enabled: r.enabled,
    createdBy: r.createdBy,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

export async function listRules(clusterId: string): Promise<AlertRuleDto[]> {
  getClusterConfigOrThrow(clusterId);
  const rows = await prisma.alertRule.findMany({ where: { clusterId }, orderBy: { createdAt: "asc" } });
  const teamIds = [...new Set(rows.flatMap((r) => (r.teamId ? [r.teamId] : [])))];
  const names = new Map(
    teamIds.length
      ? (await prisma.team.findMany({ where: { id: { in: teamIds } }, select: { id: true, name: true } })).map((t) => [
          t.id,
          t.name,
        ])
      : [],
  );
  return rows.map((r) => toRuleDto(r, true, r.teamId ? (names.get(r.teamId) ?? null) : null));
}

async function ruleOrThrow(clusterId: string, ruleId: string): Promise<AlertRule> {
  const r = await prisma.alertRule.findFirst({ where: { id: ruleId, clusterId } });
  if (!r) throw new ApiError("not_found", `Alert rule "${ruleId}" does not exist on cluster "${clusterId}".`);
  return r;
}

const MAX_RULES_PER_CLUSTER = 200;

export async function createRule(clusterId: string, body: AlertRuleBody, ctx: AuditContext): Promise<AlertRuleDto> {
  getClusterConfigOrThrow(clusterId);
  if ((await prisma.alertRule.count({ where: { clusterId } })) >= MAX_RULES_PER_CLUSTER) {
    throw new ApiError("conflict", `Cluster "${clusterId}" already has ${MAX_RULES_PER_CLUSTER} alert rules.`);
  }
  return audited(
    { ...ctx, clusterId },
    { action: "alert.rule_created", targetType: "alert_rule", target: body.name },
    async () => {
      // Inside the audited work: a refused team rule leaves a failure row naming why.
      const team = await assertMayOwn(ctx.actor, clusterId, body.teamId, body.params);
      const created = await prisma.alertRule.create({
        data: {
          clusterId,
          name: body.name,
          kind: body.params.kind,
          params: JSON.stringify(body.params),
          forSeconds: body.forSeconds,
          repeatSeconds: body.repeatSeconds,
          channels: JSON.stringify(body.channels),
          enabled: body.enabled,
          createdBy: ctx.actor.email,
          teamId: team?.id ?? null,
        },
      });
      return toRuleDto(created, true, team?.name ?? null);
    },
  );
}

/** Replaces a rule; a webhook secret sent back masked ("********") keeps the stored one. Its states start over. */
export async function updateRule(
  clusterId: string,
  ruleId: string,
  body: AlertRuleBody,
  ctx: AuditContext,
): Promise<AlertRuleDto> {
  const before = await ruleOrThrow(clusterId, ruleId);
  const old = parseChannels(before.channels);
  const channels = body.channels.map((c) =>
    c.type === "webhook" && c.secret === "********"
      ? { ...c, secret: old.flatMap((o) => (o.type === "webhook" && o.url === c.url ? [o.secret] : []))[0] }
      : c,
  );
  return audited(
    { ...ctx, clusterId },
    { action: "alert.rule_updated", targetType: "alert_rule", target: body.name, before: toRuleDto(before) },
    async () => {
      assertMayManage(ctx.actor, clusterId, before);
      const team = await assertMayOwn(ctx.actor, clusterId, body.teamId, body.params);
      const [updated] = await prisma.$transaction([
        prisma.alertRule.update({
          where: { id: ruleId },
          data: {
            name: body.name,
            kind: body.params.kind,
            params: JSON.stringify(body.params),
            forSeconds: body.forSeconds,
            repeatSeconds: body.repeatSeconds,
            channels: JSON.stringify(channels),
            enabled: body.enabled,
            teamId: team?.id ?? null,
          },
        }),
        prisma.alertState.deleteMany({ where: { ruleId, state: { not: "firing" } } }),
      ]);
      return toRuleDto(updated, true, team?.name ?? null);
    },
  );
}

export async function deleteRule(clusterId: string, ruleId: string, ctx: AuditContext): Promise<void> {
  const before = await ruleOrThrow(clusterId, ruleId);
  await audited(
    { ...ctx, clusterId },
    { action: "alert.rule_deleted", targetType: "alert_rule", target: before.name, before: toRuleDto(before) },
    async () => {
      assertMayManage(ctx.actor, clusterId, before);
      // Its states and history go with it (the audit row keeps what the rule was); the delivery log stays.
      await prisma.$transaction([
        prisma.alertState.deleteMany({ where: { ruleId } }),
        prisma.alertHistory.deleteMany({ where: { ruleId } }),
        prisma.alertRule.delete({ where: { id: ruleId } }),
      ]);
    },
  );
}

/** A silence as the alerts page shows it. */
function toSilenceDto(s: {
  id: string;
  ruleId: string | null;
  subject: string | null;
  reason: string;
  createdBy: string;
  expiresAt: Date;
}) {
  return {
    id: s.id,
    ruleId: s.ruleId,
    subject: s.subject,
    reason: s.reason,
    createdBy: s.createdBy,
    expiresAt: s.expiresAt.toISOString(),
  };
}

export async function createSilence(
  clusterId: string,
  body: { ruleId?: string; subject?: string; reason: string; minutes: number },
  ctx: AuditContext,
) {
  getClusterConfigOrThrow(clusterId);
  const rule = body.ruleId ? await ruleOrThrow(clusterId, body.ruleId) : null;
  return audited(
    { ...ctx, clusterId },
    {
      action: "alert.silence_created",
      targetType: "alert_silence",
      target: `${body.ruleId ?? "*"}/${body.subject ?? "*"}`,
    },
    async () => {
      // Approvers silence their teams' rules only; a silence of every rule is for admins.
      if (!rule && !isClusterAdmin(ctx.actor, clusterId)) {
        throw new ApiError(
          "forbidden",
          "ruleId: a silence of every rule is for admins; name one of your teams' rules.",
          [{ path: "ruleId", issue: "required unless you are an admin" }],
        );
      }
      if (rule) assertMayManage(ctx.actor, clusterId, rule);
      const s = await prisma.alertSilence.create({
        data: {
          clusterId,
          ruleId: body.ruleId ?? null,
          subject: body.subject ?? null,
          reason: body.reason,
          createdBy: ctx.actor.email,
          expiresAt: new Date(Date.now() + body.minutes * 60_000),
        },
      });
      return toSilenceDto(s);
    },
  );
}

export async function deleteSilence(clusterId: string, silenceId: string, ctx: AuditContext): Promise<void> {
  const s = await prisma.alertSilence.findFirst({ where: { id: silenceId, clusterId } });
  if (!s) throw new ApiError("not_found", `Silence "${silenceId}" does not exist on cluster "${clusterId}".`);
  await audited(
    { ...ctx, clusterId },
    { action: "alert.silence_deleted", targetType: "alert_silence", target: `${s.ruleId ?? "*"}/${s.subject ?? "*"}` },
    async () => {
      if (!isClusterAdmin(ctx.actor, clusterId)) {
        const rule = s.ruleId ? await prisma.alertRule.findFirst({ where: { id: s.ruleId, clusterId } }) : null;
        if (!rule) {
          throw new ApiError("forbidden", "This silence covers every rule (or a deleted one); only admins remove it.");
        }
        assertMayManage(ctx.actor, clusterId, rule);
      }
      await prisma.alertSilence.delete({ where: { id: silenceId } });
    },
  );
}

/** The alerts page's data: rules, current states (pending and firing), recent history, active silences. */
export async function alertOverview(clusterId: string) {
  getClusterConfigOrThrow(clusterId);
  const now = new Date();
  const [rules, states, history, silences] = await Promise.all([
    listRules(clusterId),
    prisma.alertState.findMany({
      where: { clusterId, state: { in: ["pending", "firing"] } },
      orderBy: { updatedAt: "desc" },
      take: 500,
    }),
    prisma.alertHistory.findMany({ where: { clusterId }, orderBy: { at: "desc" }, take: 100 }),
    prisma.alertSilence.findMany({ where: { clusterId, expiresAt: { gt: now } }, orderBy: { expiresAt: "asc" } }),
  ]);
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return {
    rules,
    states: states.map((s) => ({
      id: s.id,
      ruleId: s.ruleId,
      subject: s.subject,
      state: s.state,
      value: s.value,
      message: s.message,
      pendingSince: iso(s.pendingSince),
      firedAt: iso(s.firedAt),
      resolvedAt: iso(s.resolvedAt),
    })),
    history: history.map((h) => ({
      id: h.id,
      ruleId: h.ruleId,
      subject: h.subject,
      state: h.state,
      message: h.message,
      at: h.at.toISOString(),
    })),
    silences: silences.map(toSilenceDto),
  };
}

/** A rule's delivery log: its notifications with status and every attempt. */
export async function ruleDeliveries(clusterId: string, ruleId: string, actor: Actor) {
  assertMayManage(actor, clusterId, await ruleOrThrow(clusterId, ruleId));
  const rows = await prisma.notificationOutbox.findMany({
    where: { ruleId },
    orderBy: { createdAt: "desc" },
    take: 100,
  });
  const attempts = await prisma.notificationAttempt.findMany({
    where: { outboxId: { in: rows.map((r) => r.id) } },
    orderBy: { at: "asc" },
  });
  return rows.map((r) => ({
    id: r.id,
    channelType: r.channelType,
    status: r.status,
    attempts: r.attempts,
    lastError: r.lastError,
    createdAt: r.createdAt.toISOString(),
    sentAt: r.sentAt?.toISOString() ?? null,
    attemptLog: attempts
      .filter((a) => a.outboxId === r.id)
      .map((a) => ({ at: a.at.toISOString(), ok: a.ok, detail: a.detail })),
  }));
}
