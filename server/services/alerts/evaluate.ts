import "server-only";
import { perCluster } from "@/server/process-state";
import { alertParamsSchema, matchesTarget, type AlertParams } from "@/lib/alerts/rules";
import { prefixesOwn } from "@/lib/auth/ownership";
import { prisma } from "@/server/db/prisma";
import { getClusterSizes } from "@/server/kafka/log-dirs";
import { getTopicSnapshot } from "@/server/kafka/topic-snapshot";
import type { GroupDetail, Tick } from "@/server/metrics/sampler";
import { routeEvent } from "@/server/services/notifications/inbox";
import { failedConnectors } from "./connectors";
import { enqueueNotification } from "./outbox";
import { parseChannels } from "./rules";

type Rule = NonNullable<Awaited<ReturnType<typeof prisma.alertRule.findFirst>>>;
type State = NonNullable<Awaited<ReturnType<typeof prisma.alertState.findFirst>>>;
/** What one evaluation sees: the tick, the sampling replica's group verdicts, and (lazily) the topic snapshot. */
export type Observed = { clusterId: string; tick: Tick; groupDetail: Map<string, GroupDetail> };
type Condition = { value: number | null; message: string };
/** subject → condition holds (with value and sentence); subjects in `unknown` (or starting with one of `unknownPrefixes`) keep their state this time. */
type Conditions = { holding: Map<string, Condition>; unknown: Set<string>; unknownPrefixes?: string[] };

const MAX_SUBJECTS = 1_000;

async function conditions(
  p: AlertParams,
  o: Observed,
  snapshot: () => Promise<{ underReplicated: number; offline: number; brokers: number } | null>,
): Promise<Conditions | null> {
  const holding = new Map<string, Condition>();
  const unknown = new Set<string>();
  if (p.kind === "cluster_unreachable") {
    if (!o.tick.ok) {
      holding.set("cluster", { value: 1, message: `Cluster "${o.clusterId}" is unreachable: ${o.tick.error}` });
    }
    return { holding, unknown };
  }
  // While the cluster is down nothing else is judged: one "unreachable" alert, not one per group, and no false resolutions.
  if (!o.tick.ok) return null;
  const tick = o.tick;
  switch (p.kind) {
    case "group_lag_seconds":
      for (const g of tick.groups) {
        if (!matchesTarget(p.group, g.groupId)) continue;
        if (g.lagSeconds === null || g.lagSeconds === undefined) {
          unknown.add(g.groupId);
        } else if (g.lagSeconds > p.thresholdSeconds) {
          holding.set(g.groupId, {
            value: g.lagSeconds,
            message: `Group "${g.groupId}" is ${Math.round(g.lagSeconds)} s behind (threshold ${p.thresholdSeconds} s)`,
          });
        }
      }
      break;
    case "group_health":
      for (const [groupId, d] of o.groupDetail) {
        if (matchesTarget(p.group, groupId) && (p.statuses as string[]).includes(d.status)) {
          holding.set(groupId, { value: null, message: `Group "${groupId}" is ${d.status}: ${d.rule}` });
        }
      }
      break;
    case "partitions":
    case "broker_missing": {
      const s = await snapshot();
      if (!s) return null;
      if (p.kind === "partitions") {
        const n = p.condition === "offline" ? s.offline : s.underReplicated;
        if (n > p.threshold) {
          holding.set("cluster", {
            value: n,
            message: `${n} ${p.condition === "offline" ? "offline" : "under-replicated"} partition${n === 1 ? "" : "s"} on cluster "${o.clusterId}"`,
          });
        }
      } else if (s.brokers < p.expectedBrokers) {
        holding.set("cluster", {
          value: s.brokers,
          message: `Cluster "${o.clusterId}" has ${s.brokers} live broker${s.brokers === 1 ? "" : "s"}, ${p.expectedBrokers} expected`,
        });
      }
      break;
    }
    case "topic_idle": {
      const t = tick.topics.find((x) => x.topic === p.topic);
      if (!t || t.rate === null) {
        unknown.add(p.topic);
      } else if (t.rate === 0) {
        holding.set(p.topic, { value: 0, message: `No records produced into "${p.topic}" for ${p.minutes} min` });
      }
      break;
    }
    case "disk": {
      const sizes = await getClusterSizes(o.clusterId).catch(() => null);
      if (!sizes?.available) return null;
      for (const b of sizes.value.brokers) {
        for (const d of b.logDirs) {
          if (!d.totalBytes || d.usableBytes === null) continue;
          const used = ((d.totalBytes - d.usableBytes) / d.totalBytes) * 100;
          if (used > p.percent) {
            holding.set(`broker ${b.brokerId} ${d.path}`, {
              value: used,
              message: `Broker ${b.brokerId}'s log dir ${d.path} is ${used.toFixed(1)} % full (threshold ${p.percent} %)`,
            });
          }
        }
      }
      break;
    }
    case "connector_failed": {
      const found = await failedConnectors(o.clusterId, p).catch(() => null);
      if (!found) return null;
      for (const f of found.failed) holding.set(f.subject, { value: f.value, message: f.message });
      return { holding, unknown, unknownPrefixes: found.unreadable.map((c) => `${c}/`) };
    }
    case "event":
      return null;
  }
  if (holding.size > MAX_SUBJECTS) return { holding: new Map([...holding].slice(0, MAX_SUBJECTS)), unknown };
  return { holding, unknown };
}

async function silenced(clusterId: string, ruleId: string, subject: string, now: Date): Promise<boolean> {
  const n = await prisma.alertSilence.count({
    where: {
      clusterId,
      expiresAt: { gt: now },
      AND: [{ OR: [{ ruleId: null }, { ruleId }] }, { OR: [{ subject: null }, { subject }] }],
    },
  });
  return n > 0;
}

async function notify(
  rule: Rule,
  subject: string,
  transition: "firing" | "repeat" | "resolved",
  c: Condition,
  firedAt: Date,
  now: Date,
): Promise<boolean> {
  if (await silenced(rule.clusterId, rule.id, subject, now)) return false;
  const payload = {
    cluster: rule.clusterId,
    rule: { id: rule.id, name: rule.name, kind: rule.kind },
    subject,
    state: transition === "resolved" ? "resolved" : "firing",
    repeat: transition === "repeat",
    message: c.message,
    value: c.value,
    firedAt: firedAt.toISOString(),
    at: now.toISOString(),
  };
  const base = `${rule.id}:${subject}:${firedAt.getTime()}:${transition}${transition === "repeat" ? `:${now.getTime()}` : ""}`;
  await enqueueNotification(rule, parseChannels(rule.channels), base, payload);
  if (rule.teamId && transition !== "repeat") await notifyTeam(rule, subject, transition, c.message, base, now);
  return true;
}

/** A team rule's firing and resolution also reach the team's members in the app (the bell), once per transition. */
async function notifyTeam(
  rule: Rule,
  subject: string,
  transition: "firing" | "resolved",
  message: string,
  eventId: string,
  now: Date,
) {
  const members = await prisma.teamMember.findMany({
    where: { teamId: rule.teamId!, user: { active: true } },
    select: { userId: true },
    take: 1_000,
  });
  for (const m of members) {
    await prisma.userNotification
      .create({
        data: {
          userId: m.userId,
          clusterId: rule.clusterId,
          kind: `alert.${transition}`,
          subject,
          eventId,
          message: `${rule.name}: ${message}`.slice(0, 1_000),
          createdAt: now,
        },
      })
      .catch((error: unknown) => {
        if ((error as { code?: string })?.code !== "P2002") throw error; // replayed transition: already stored
      });
  }
}

/** The name a subject is about (a connector subject is `<connect cluster>/<connector>`). */
const subjectName = (kind: string, subject: string) =>
  kind === "connector_failed" ? subject.slice(subject.indexOf("/") + 1) : subject;

/** A team rule judges only names its team owns now (prefixes may have shrunk since the rule was written); no team, no rule. */
async function teamPrefixes(rules: Rule[]): Promise<Map<string, string[]>> {
  const ids = [...new Set(rules.flatMap((r) => (r.teamId ? [r.teamId] : [])))];
  if (!ids.length) return new Map();
  return new Map(
    (await prisma.team.findMany({ where: { id: { in: ids } } })).map((t) => [t.id, JSON.parse(t.prefixes) as string[]]),
  );
}

async function history(rule: Rule, subject: string, state: string, message: string, at: Date) {
  await prisma.alertHistory.create({
    data: { ruleId: rule.id, clusterId: rule.clusterId, subject, state, message, at },
  });
}

async function fire(rule: Rule, subject: string, c: Condition, now: Date) {
  await prisma.alertState.upsert({
    where: { ruleId_subject: { ruleId: rule.id, subject } },
    create: {
      ruleId: rule.id,
      clusterId: rule.clusterId,
      subject,
      state: "firing",
      value: c.value,
      message: c.message,
      pendingSince: now,
      firedAt: now,
      lastNotifiedAt: now,
    },
    update: {
      state: "firing",
      value: c.value,
      message: c.message,
      firedAt: now,
      resolvedAt: null,
      lastNotifiedAt: now,
    },
  });
  await history(rule, subject, "firing", c.message, now);
  await notify(rule, subject, "firing", c, now, now);
}

const REFRESH_MS = 30_000;

/** pending (for-duration not yet met) → firing → resolved, per subject, with notifications and history. */
async function applyStates(rule: Rule, cond: Conditions, forMs: number, now: Date) {
  const existing = new Map<string, State>(
    (await prisma.alertState.findMany({ where: { ruleId: rule.id } })).map((s) => [s.subject, s]),
  );
  // Value and message refreshes of subjects staying pending or firing: at most every REFRESH_MS per subject (a
  // health rule's sentence names a growing span, a lag rule's value grows every tick) and in one transaction per
  // rule and tick. Writing each one every tick cost a health rule over 1,000 stopped groups 1,000 single-statement
  // transactions per tick (bench/sampler-cost.ts). Transitions are always written at once.
  const refresh: ReturnType<typeof prisma.alertState.update>[] = [];
  const changed = (st: State, c: Condition) =>
    (st.value !== c.value || st.message !== c.message) && now.getTime() - st.updatedAt.getTime() >= REFRESH_MS;
  for (const [subject, c] of cond.holding) {
    const st = existing.get(subject);
    if (!st || st.state === "resolved") {
      if (forMs === 0) {
        await fire(rule, subject, c, now);
      } else {
        await prisma.alertState.upsert({
          where: { ruleId_subject: { ruleId: rule.id, subject } },
          create: {
            ruleId: rule.id,
            clusterId: rule.clusterId,
            subject,
            state: "pending",
            value: c.value,
            message: c.message,
            pendingSince: now,
          },
          update: { state: "pending", value: c.value, message: c.message, pendingSince: now, resolvedAt: null },
        });
      }
    } else if (st.state === "pending") {
      if (now.getTime() - (st.pendingSince?.getTime() ?? now.getTime()) >= forMs) {
        await fire(rule, subject, c, now);
      } else if (changed(st, c)) {
        refresh.push(prisma.alertState.update({ where: { id: st.id }, data: { value: c.value, message: c.message } }));
      }
    } else if (st.state === "firing") {
      const repeat = now.getTime() - (st.lastNotifiedAt?.getTime() ?? 0) >= rule.repeatSeconds * 1000;
      if (repeat) {
        await prisma.alertState.update({
          where: { id: st.id },
          data: { value: c.value, message: c.message, lastNotifiedAt: now },
        });
        await notify(rule, subject, "repeat", c, st.firedAt ?? now, now);
      } else if (changed(st, c)) {
        refresh.push(prisma.alertState.update({ where: { id: st.id }, data: { value: c.value, message: c.message } }));
      }
    }
  }
  if (refresh.length) await prisma.$transaction(refresh);
  for (const [subject, st] of existing) {
    if (
      cond.holding.has(subject) ||
      cond.unknown.has(subject) ||
      cond.unknownPrefixes?.some((x) => subject.startsWith(x))
    ) {
      continue;
    }
    if (st.state === "pending") {
      await prisma.alertState.delete({ where: { id: st.id } });
    } else if (st.state === "firing") {
      const message = `Resolved: ${st.message}`;
      await prisma.alertState.update({ where: { id: st.id }, data: { state: "resolved", resolvedAt: now, message } });
      await history(rule, subject, "resolved", message, now);
      await notify(rule, subject, "resolved", { value: st.value, message }, st.firedAt ?? now, now);
    }
  }
}

/**
 * Event rules: each new ObservationEvent matching a rule is notified once (its id is the idempotency key). Request
 * events also reach the people they concern (the bell, and e-mail when SMTP is set) through routeEvent.
 */
async function handleEvents(
  clusterId: string,
  rules: { rule: Rule; params: Extract<AlertParams, { kind: "event" }> }[],
  now: Date,
) {
  const events = await prisma.observationEvent.findMany({
    where: { clusterId, handledAt: null },
    orderBy: { at: "asc" },
    take: 500,
  });
  if (!events.length) return;
  for (const e of events) {
    await routeEvent(e).catch((error) => console.error(`[alerts] routing the event ${e.id} to users failed:`, error));
    for (const { rule, params } of rules) {
      if (!(params.events as string[]).includes(e.kind) || !matchesTarget(params.subject, e.subject)) continue;
      if (await silenced(clusterId, rule.id, e.subject, now)) continue;
      let data: Record<string, unknown> = {};
      try {
        data = JSON.parse(e.data) as Record<string, unknown>;
      } catch {
        /* no details */
      }
      const detail =
        e.kind === "group.health_changed"
          ? `${String(data.from)} → ${String(data.to)}: ${String(data.rule ?? "")}`
          : JSON.stringify(data).slice(0, 500);
      const message = `${e.kind} ${e.subject}: ${detail}`;
      await history(rule, e.subject, "event", message, now);
      await enqueueNotification(rule, parseChannels(rule.channels), `${rule.id}:event:${e.id}`, {
        cluster: clusterId,
        rule: { id: rule.id, name: rule.name, kind: rule.kind },
        subject: e.subject,
        state: "event",
        event: e.kind,
        data,
        message,
        at: e.at.toISOString(),
      });
    }
  }
  await prisma.observationEvent.updateMany({
    where: { id: { in: events.map((e) => e.id) } },
    data: { handledAt: now },
  });
}

/**
 * Evaluates every enabled rule of the cluster against one tick (run by the replica that sampled it, after the tick):
 * condition per subject → state transitions → history and queued notifications. Never throws for one bad rule.
 */
const lastPruned = perCluster<number>("AlertHistoryPruned");
const DAY = 86_400_000;

/** Once an hour per cluster: handled events and sent notifications past 30 days, history and users' notifications past 90 days. */
async function prune(clusterId: string, now: number): Promise<void> {
  if (now - (lastPruned.get(clusterId) ?? 0) < 3_600_000) return;
  lastPruned.set(clusterId, now);
  const before = (days: number) => new Date(now - days * DAY);
  const sent = await prisma.notificationOutbox.findMany({
    where: { clusterId, status: { in: ["sent", "failed"] }, createdAt: { lt: before(30) } },
    select: { id: true },
    take: 5_000,
  });
  await prisma.$transaction([
    prisma.observationEvent.deleteMany({ where: { clusterId, handledAt: { lt: before(30) } } }),
    prisma.alertHistory.deleteMany({ where: { clusterId, at: { lt: before(90) } } }),
    prisma.userNotification.deleteMany({ where: { clusterId, createdAt: { lt: before(90) } } }),
    prisma.notificationAttempt.deleteMany({ where: { outboxId: { in: sent.map((r) => r.id) } } }),
    prisma.notificationOutbox.deleteMany({ where: { id: { in: sent.map((r) => r.id) } } }),
  ]);
}

export async function evaluateAlerts(o: Observed): Promise<void> {
  const now = new Date(o.tick.t);
  await prune(o.clusterId, o.tick.t).catch((error) => console.error(`[alerts] pruning ${o.clusterId} failed:`, error));
  const rules = await prisma.alertRule.findMany({ where: { clusterId: o.clusterId, enabled: true } });
  const prefixesOf = await teamPrefixes(rules);
  let snap: Promise<{ underReplicated: number; offline: number; brokers: number } | null> | null = null;
  const snapshot = () =>
    (snap ??= getTopicSnapshot(o.clusterId)
      .then((s) => ({
        underReplicated: s.topics.reduce((a, t) => a + t.underReplicated, 0),
        offline: s.topics.reduce((a, t) => a + t.offline, 0),
        brokers: s.brokerIds.length,
      }))
      .catch(() => null));
  const eventRules: { rule: Rule; params: Extract<AlertParams, { kind: "event" }> }[] = [];
  for (const rule of rules) {
    try {
      const parsed = alertParamsSchema.safeParse(JSON.parse(rule.params));
      if (!parsed.success) continue;
      const p = parsed.data;
      if (p.kind === "event") {
        eventRules.push({ rule, params: p });
        continue;
      }
      if (rule.teamId && !prefixesOf.has(rule.teamId)) continue;
      const cond = await conditions(p, o, snapshot);
      if (!cond) continue;
      const owned = rule.teamId ? prefixesOf.get(rule.teamId)! : null;
      if (owned) {
        for (const subject of cond.holding.keys()) {
          if (!prefixesOwn(owned, subjectName(p.kind, subject))) cond.holding.delete(subject);
        }
      }
      const forMs = Math.max(rule.forSeconds, p.kind === "topic_idle" ? p.minutes * 60 : 0) * 1000;
      await applyStates(rule, cond, forMs, now);
    } catch (error) {
      console.error(`[alerts] rule ${rule.id} of ${o.clusterId} failed to evaluate:`, error);
    }
  }
  await handleEvents(o.clusterId, eventRules, now);
}
