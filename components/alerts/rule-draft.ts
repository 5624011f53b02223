import type { AlertKind } from "@/lib/alerts/rules";

/** What the new-rule form holds, as typed (numbers and lists are parsed on submit). */
export type RuleDraft = {
  teamId: string;
  name: string;
  kind: AlertKind;
  target: string;
  number: string;
  statuses: string;
  forSeconds: string;
  webhook: string;
  secret: string;
  slack: string;
  email: string;
};

export const emptyRuleDraft = (teamId: string): RuleDraft => ({
  teamId,
  name: "",
  kind: "group_lag_seconds",
  target: "",
  number: "",
  statuses: "STALL,STOP,REWIND",
  forSeconds: "",
  webhook: "",
  secret: "",
  slack: "",
  email: "",
});

const num = (v: string) => (v.trim() === "" ? Number.NaN : Number(v));
/** "a, b,,c" → ["a", "b", "c"]. */
const commaList = (v: string) =>
  v
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);

/** The rule's condition as the API takes it; the server validates it. */
export function ruleParams({ kind, target, number, statuses }: RuleDraft): Record<string, unknown> {
  const t = target.trim() || undefined;
  switch (kind) {
    case "group_lag_seconds":
      return { kind, group: t, thresholdSeconds: num(number) };
    case "group_health":
      return { kind, group: t, statuses: commaList(statuses) };
    case "partitions":
      return {
        kind,
        condition: target.trim() === "offline" ? "offline" : "under_replicated",
        threshold: number.trim() ? num(number) : 0,
      };
    case "broker_missing":
      return { kind, expectedBrokers: num(number) };
    case "topic_idle":
      return { kind, topic: target.trim(), minutes: num(number) };
    case "disk":
      return { kind, percent: num(number) };
    case "event":
      return { kind, events: commaList(statuses), subject: t };
    case "connector_failed":
      return { kind, connector: t };
    default:
      return { kind };
  }
}

/** The channels filled in: a webhook (with its optional secret), Slack, e-mail. */
export function ruleChannels({ webhook, secret, slack, email }: RuleDraft): Record<string, unknown>[] {
  const channels: Record<string, unknown>[] = [];
  if (webhook.trim()) channels.push({ type: "webhook", url: webhook.trim(), ...(secret ? { secret } : {}) });
  if (slack.trim()) channels.push({ type: "slack", url: slack.trim() });
  if (email.trim()) channels.push({ type: "email", to: commaList(email) });
  return channels;
}

const TARGET_KINDS: AlertKind[] = [
  "group_lag_seconds",
  "group_health",
  "topic_idle",
  "partitions",
  "event",
  "connector_failed",
];
const NUMBER_LABEL: Partial<Record<AlertKind, string>> = {
  group_lag_seconds: "threshold (s)",
  partitions: "more than (count)",
  broker_missing: "expected brokers",
  topic_idle: "minutes",
  disk: "percent full",
};
const TARGET_LABEL: Partial<Record<AlertKind, string>> = {
  topic_idle: "topic",
  partitions: "under_replicated or offline",
  event: "subject (optional)",
  connector_failed: "connector, or prefix* (empty: any)",
};

/** Which inputs a condition asks for, and their labels. */
export function conditionInputs(kind: AlertKind) {
  return {
    target: TARGET_KINDS.includes(kind),
    number: kind in NUMBER_LABEL,
    list: kind === "group_health" || kind === "event",
    targetLabel: TARGET_LABEL[kind] ?? "group, or prefix* (empty: any)",
    numberLabel: NUMBER_LABEL[kind] ?? "",
  };
}
