import { z } from "zod";

/** Alert rules (isomorphic: the REST API validates with these, the page builds its form from them). */
export const ALERT_KINDS = [
  "group_lag_seconds",
  "group_health",
  "partitions",
  "broker_missing",
  "topic_idle",
  "disk",
  "cluster_unreachable",
  "event",
  "connector_failed",
] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

export const ALERT_KIND_LABELS: Record<AlertKind, string> = {
  group_lag_seconds: "Group lag (seconds)",
  group_health: "Group health",
  partitions: "Partitions at risk",
  broker_missing: "Broker missing",
  topic_idle: "Topic idle",
  disk: "Broker disk usage",
  cluster_unreachable: "Cluster unreachable",
  event: "Events",
  connector_failed: "Connector failed",
};

export const ALERT_EVENT_KINDS = [
  "group.health_changed",
  "request.submitted",
  "request.decided",
  "request.provisioned",
  "request.failed",
  "drift.found",
] as const;

const name = z.string().trim().min(1).max(249);
/** A group or topic: an exact name, or a prefix ending in `*`; omitted = every one. */
const target = name.regex(/^[^*]*\*?$/, "an exact name, or a prefix ending in *").optional();

export const alertParamsSchema = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("group_lag_seconds"),
    group: target,
    thresholdSeconds: z
      .number()
      .positive()
      .max(365 * 86_400),
  }),
  z.strictObject({
    kind: z.literal("group_health"),
    group: target,
    statuses: z
      .array(z.enum(["STALL", "STOP", "REWIND", "WARNING"]))
      .min(1)
      .default(["STALL", "STOP", "REWIND"]),
  }),
  z.strictObject({
    kind: z.literal("partitions"),
    condition: z.enum(["under_replicated", "offline"]),
    threshold: z.number().int().min(0).max(1_000_000).default(0),
  }),
  z.strictObject({ kind: z.literal("broker_missing"), expectedBrokers: z.number().int().min(1).max(10_000) }),
  z.strictObject({ kind: z.literal("topic_idle"), topic: name, minutes: z.number().positive().max(10_080) }),
  /** a broker log dir's volume fuller than `percent` (DescribeLogDirs v4+ reports capacity and free space) */
  z.strictObject({ kind: z.literal("disk"), percent: z.number().gt(0).max(100) }),
  z.strictObject({ kind: z.literal("cluster_unreachable") }),
  z.strictObject({ kind: z.literal("event"), events: z.array(z.enum(ALERT_EVENT_KINDS)).min(1), subject: target }),
  /** a Kafka Connect connector, or one of its tasks, in state FAILED (subject `<connect cluster>/<connector>`) */
  z.strictObject({
    kind: z.literal("connector_failed"),
    connector: target,
    connect: z.string().trim().min(1).max(100).optional(),
  }),
]);
export type AlertParams = z.infer<typeof alertParamsSchema>;

const httpsOrHttp = z.url({ protocol: /^https?$/ }).max(2000);
export const alertChannelSchema = z.discriminatedUnion("type", [
  /** JSON body, `X-Sluice-Signature: sha256=<hex HMAC-SHA256 of the body with secret>` when a secret is set */
  z.strictObject({ type: z.literal("webhook"), url: httpsOrHttp, secret: z.string().min(8).max(500).optional() }),
  /** Slack-compatible incoming webhook ({text, blocks}) */
  z.strictObject({ type: z.literal("slack"), url: httpsOrHttp }),
  z.strictObject({ type: z.literal("email"), to: z.array(z.email().max(320)).min(1).max(50) }),
]);
export type AlertChannel = z.infer<typeof alertChannelSchema>;

export const alertRuleBodySchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  params: alertParamsSchema,
  /** the condition must hold this long before the rule fires (flap suppression) */
  forSeconds: z
    .number()
    .int()
    .min(0)
    .max(7 * 86_400)
    .default(0),
  /** a firing alert is notified again after this long */
  repeatSeconds: z
    .number()
    .int()
    .min(60)
    .max(30 * 86_400)
    .default(3600),
  channels: z.array(alertChannelSchema).max(10).default([]),
  enabled: z.boolean().default(true),
  /** a team's rule: its approvers manage it, its members are notified in the app; null/omitted = an admins' rule */
  teamId: z.string().min(1).max(100).nullable().default(null),
});
export type AlertRuleBody = z.infer<typeof alertRuleBodySchema>;

export const silenceBodySchema = z.strictObject({
  ruleId: z.string().min(1).max(100).optional(),
  subject: z.string().min(1).max(500).optional(),
  reason: z.string().trim().min(1).max(500),
  /** minutes from now */
  minutes: z
    .number()
    .int()
    .min(1)
    .max(90 * 24 * 60),
});

export const alertRuleParamsSchema = z.object({
  clusterId: z.string().min(1).max(100),
  ruleId: z.string().min(1).max(100),
});
export const silenceParamsSchema = z.object({
  clusterId: z.string().min(1).max(100),
  silenceId: z.string().min(1).max(100),
});

/** Whether a name matches a rule's target (exact, `prefix*`, or omitted = any). */
export function matchesTarget(target: string | undefined, value: string): boolean {
  if (!target) return true;
  return target.endsWith("*") ? value.startsWith(target.slice(0, -1)) : value === target;
}

/** A stored rule as the API answers it: the body it was saved with (defaults applied) and its bookkeeping. */
export const AlertRuleDtoSchema = alertRuleBodySchema.extend({
  id: z.string(),
  clusterId: z.string(),
  teamName: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type AlertRuleDto = AlertRuleBody & {
  id: string;
  clusterId: string;
  teamName: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
};
export const AlertStateDtoSchema = z.object({
  id: z.string(),
  ruleId: z.string(),
  subject: z.string(),
  state: z.string(),
  value: z.number().nullable(),
  message: z.string(),
  pendingSince: z.string().nullable(),
  firedAt: z.string().nullable(),
  resolvedAt: z.string().nullable(),
});
export type AlertStateDto = z.infer<typeof AlertStateDtoSchema>;
export const AlertHistoryDtoSchema = z.object({
  id: z.string(),
  ruleId: z.string(),
  subject: z.string(),
  state: z.string(),
  message: z.string(),
  at: z.string(),
});
export type AlertHistoryDto = z.infer<typeof AlertHistoryDtoSchema>;
export const SilenceDtoSchema = z.object({
  id: z.string(),
  ruleId: z.string().nullable(),
  subject: z.string().nullable(),
  reason: z.string(),
  createdBy: z.string(),
  expiresAt: z.string(),
});
export type SilenceDto = z.infer<typeof SilenceDtoSchema>;
export const DeliveryDtoSchema = z.object({
  id: z.string(),
  channelType: z.string(),
  status: z.string(),
  attempts: z.number(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  attemptLog: z.array(z.object({ at: z.string(), ok: z.boolean(), detail: z.string() })),
});
export type DeliveryDto = z.infer<typeof DeliveryDtoSchema>;
/** GET /alerts: the alerts page in one answer. */
export const AlertOverviewSchema = z.object({
  rules: z.array(AlertRuleDtoSchema),
  states: z.array(AlertStateDtoSchema),
  history: z.array(AlertHistoryDtoSchema),
  silences: z.array(SilenceDtoSchema),
});
export const AlertRuleListSchema = z.object({ rules: z.array(AlertRuleDtoSchema) });
export const DeliveryListSchema = z.object({ deliveries: z.array(DeliveryDtoSchema) });

/** Kinds a team may own: their subject is a group, topic or connector name the team's prefixes own. The others are cluster-wide (admins only). */
export const TEAM_ALERT_KINDS = [
  "group_lag_seconds",
  "group_health",
  "topic_idle",
  "connector_failed",
] as const satisfies readonly AlertKind[];

/** The name field a team rule's subjects come from (`params.<field>`), or null for a cluster-wide kind. */
export function teamRuleTarget(p: AlertParams): { field: string; value: string | undefined } | null {
  switch (p.kind) {
    case "group_lag_seconds":
    case "group_health":
      return { field: "group", value: p.group };
    case "topic_idle":
      return { field: "topic", value: p.topic };
    case "connector_failed":
      return { field: "connector", value: p.connector };
    default:
      return null;
  }
}
