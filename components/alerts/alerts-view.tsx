"use client";

import { useQuery } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { Time } from "@/components/ui/time-zone";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Loading } from "@/components/ui/states";
import {
  ALERT_EVENT_KINDS,
  ALERT_KIND_LABELS,
  ALERT_KINDS,
  type AlertChannel,
  type AlertKind,
  type AlertParams,
  type AlertRuleDto,
} from "@/lib/alerts/rules";
import { TeamSelect, type AlertManage } from "@/components/alerts/team-select";
import {
  alertOverviewOptions,
  type AlertOverview,
  useCreateAlertRule,
  useCreateSilence,
  useDeleteAlertRule,
  useDeleteSilence,
} from "@/lib/queries/alerts";

const th = "px-3 py-2 font-medium";
const td = "px-3 py-2 align-top";

/** One sentence per rule condition, as the table shows it. */
export function describeParams(p: AlertParams): string {
  const target = (t: string | undefined, what: string) =>
    t ? (t.endsWith("*") ? `${what}s starting with "${t.slice(0, -1)}"` : `${what} "${t}"`) : `any ${what}`;
  switch (p.kind) {
    case "group_lag_seconds":
      return `${target(p.group, "group")} more than ${p.thresholdSeconds} s behind`;
    case "group_health":
      return `${target(p.group, "group")} in ${p.statuses.join(", ")}`;
    case "partitions":
      return `more than ${p.threshold} ${p.condition === "offline" ? "offline" : "under-replicated"} partitions`;
    case "broker_missing":
      return `fewer than ${p.expectedBrokers} live brokers`;
    case "topic_idle":
      return `no records into "${p.topic}" for ${p.minutes} min`;
    case "disk":
      return `a broker log dir more than ${p.percent} % full`;
    case "cluster_unreachable":
      return "the cluster cannot be reached";
    case "event":
      return `${p.events.join(", ")}${p.subject ? ` about ${p.subject}` : ""}`;
    case "connector_failed":
      return `${target(p.connector, "connector")} (or a task) FAILED${p.connect ? ` on Connect cluster "${p.connect}"` : ""}`;
  }
}

const channelText = (c: AlertChannel) =>
  c.type === "email" ? `e-mail ${c.to.join(", ")}` : `${c.type} ${new URL(c.url).host}`;

function RuleForm({ clusterId, disabled, manage }: { clusterId: string; disabled: boolean; manage: AlertManage }) {
  const create = useCreateAlertRule(clusterId);
  const [teamId, setTeamId] = useState(manage.admin ? "" : (manage.teams[0]?.id ?? ""));
  const [name, setName] = useState("");
  const [kind, setKind] = useState<AlertKind>("group_lag_seconds");
  const [target, setTarget] = useState("");
  const [number, setNumber] = useState("");
  const [statuses, setStatuses] = useState("STALL,STOP,REWIND");
  const [forSeconds, setForSeconds] = useState("");
  const [webhook, setWebhook] = useState("");
  const [secret, setSecret] = useState("");
  const [slack, setSlack] = useState("");
  const [email, setEmail] = useState("");
  const num = (v: string) => (v.trim() === "" ? Number.NaN : Number(v));
  const params = (): Record<string, unknown> => {
    const t = target.trim() || undefined;
    switch (kind) {
      case "group_lag_seconds":
        return { kind, group: t, thresholdSeconds: num(number) };
      case "group_health":
        return {
          kind,
          group: t,
          statuses: statuses
            .split(",")
            .map((s) => s.trim())
            .filter(Boolean),
        };
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
        return {
          kind,
          events: statuses
            .split(",")
            .map((s) => s.trim())
            .filter(Boolean),
          subject: t,
        };
      case "connector_failed":
        return { kind, connector: t };
      default:
        return { kind };
    }
  };
  const needs = {
    target:
      kind === "group_lag_seconds" ||
      kind === "group_health" ||
      kind === "topic_idle" ||
      kind === "partitions" ||
      kind === "event" ||
      kind === "connector_failed",
    number:
      kind === "group_lag_seconds" ||
      kind === "partitions" ||
      kind === "broker_missing" ||
      kind === "topic_idle" ||
      kind === "disk",
    list: kind === "group_health" || kind === "event",
  };
  const targetLabel =
    kind === "topic_idle"
      ? "topic"
      : kind === "partitions"
        ? "under_replicated or offline"
        : kind === "event"
          ? "subject (optional)"
          : kind === "connector_failed"
            ? "connector, or prefix* (empty: any)"
            : "group, or prefix* (empty: any)";
  const numberLabel =
    {
      group_lag_seconds: "threshold (s)",
      partitions: "more than (count)",
      broker_missing: "expected brokers",
      topic_idle: "minutes",
      disk: "percent full",
    }[kind as string] ?? "";
  const submit = () => {
    const channels: Record<string, unknown>[] = [];
    if (webhook.trim()) channels.push({ type: "webhook", url: webhook.trim(), ...(secret ? { secret } : {}) });
    if (slack.trim()) channels.push({ type: "slack", url: slack.trim() });
    if (email.trim()) {
      channels.push({
        type: "email",
        to: email
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean),
      });
    }
    create.mutate({
      name,
      params: params(),
      forSeconds: Number(forSeconds) || 0,
      channels,
      teamId: teamId || null,
    } as never);
  };
  let createStatus: ReactNode = null;
  if (create.error) {
    createStatus = (
      <span role="alert" className="text-sm text-red-700" data-testid="alert-rule-error">
        {create.error.message}
      </span>
    );
  } else if (create.isSuccess) {
    createStatus = <span className="text-sm text-emerald-700">Rule created.</span>;
  }
  return (
    <form
      className="space-y-3 rounded-lg border border-slate-200 p-4 dark:border-slate-700"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      data-testid="alert-rule-form"
    >
      <p className="text-sm font-medium">New rule</p>
      <p className="text-xs text-slate-500">
        The condition must hold for the given time before the rule fires; a firing alert is sent again every hour. Add
        at least one channel to be notified.
      </p>
      {manage.teams.length ? <TeamSelect manage={manage} value={teamId} onChange={setTeamId} /> : null}
      <div className="grid grid-cols-1 gap-3 md:grid-cols-5">
        <Input
          placeholder="name"
          aria-label="Rule name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          data-testid="alert-rule-name"
        />
        <Select
          aria-label="Condition"
          value={kind}
          onChange={(e) => setKind(e.target.value as AlertKind)}
          data-testid="alert-rule-kind"
        >
          {ALERT_KINDS.map((k) => (
            <option key={k} value={k}>
              {ALERT_KIND_LABELS[k]}
            </option>
          ))}
        </Select>
        {needs.target ? (
          <Input
            placeholder={targetLabel}
            aria-label={targetLabel}
            value={target}
            onChange={(e) => setTarget(e.target.value)}
            data-testid="alert-rule-target"
          />
        ) : null}
        {needs.number ? (
          <Input
            placeholder={numberLabel}
            aria-label={numberLabel}
            inputMode="decimal"
            value={number}
            onChange={(e) => setNumber(e.target.value)}
            data-testid="alert-rule-number"
          />
        ) : null}
        {needs.list ? (
          <Input
            placeholder={kind === "event" ? ALERT_EVENT_KINDS.join(",") : "STALL,STOP,REWIND"}
            aria-label={kind === "event" ? "events" : "statuses"}
            value={statuses}
            onChange={(e) => setStatuses(e.target.value)}
            data-testid="alert-rule-list"
          />
        ) : null}
        <Input
          placeholder="hold for (s), default 0"
          aria-label="Hold for (seconds)"
          inputMode="numeric"
          value={forSeconds}
          onChange={(e) => setForSeconds(e.target.value)}
          data-testid="alert-rule-for"
        />
      </div>
      <div className="grid grid-cols-1 gap-3 md:grid-cols-4">
        <Input
          placeholder="webhook URL"
          aria-label="Webhook URL"
          value={webhook}
          onChange={(e) => setWebhook(e.target.value)}
          data-testid="alert-rule-webhook"
        />
        <Input
          placeholder="webhook secret (HMAC)"
          aria-label="Webhook secret"
          type="password"
          value={secret}
          onChange={(e) => setSecret(e.target.value)}
          data-testid="alert-rule-secret"
        />
        <Input
          placeholder="Slack incoming-webhook URL"
          aria-label="Slack URL"
          value={slack}
          onChange={(e) => setSlack(e.target.value)}
          data-testid="alert-rule-slack"
        />
        <Input
          placeholder="e-mail to (comma-separated)"
          aria-label="E-mail recipients"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          data-testid="alert-rule-email"
        />
      </div>
      <div className="flex items-center gap-3">
        <Button type="submit" variant="primary" disabled={disabled || create.isPending} data-testid="alert-rule-save">
          Create rule
        </Button>
        {createStatus}
      </div>
    </form>
  );
}

const stateTone = (s: string) => (s === "firing" ? "bad" : s === "pending" ? "warn" : s === "resolved" ? "ok" : "info");

/** Rules, firing and pending alerts, history and silences of a cluster; admins create and delete rules and silences. */
/** What is firing or pending now, or a line saying nothing is. */
function FiringStates({
  states,
  ruleName,
}: {
  states: AlertOverview["states"];
  ruleName: (id: string | null) => string;
}) {
  return (
    <>
      {states.length === 0 ? (
        <p className="text-sm text-slate-500" data-testid="alerts-none-firing">
          Nothing is firing.
        </p>
      ) : (
        <table className="w-full text-sm" data-testid="alerts-firing">
          <thead className="text-left text-xs text-slate-500">
            <tr>
              <th className={th}>State</th>
              <th className={th}>Rule</th>
              <th className={th}>Subject</th>
              <th className={th}>What</th>
              <th className={th}>Since</th>
            </tr>
          </thead>
          <tbody>
            {states.map((s) => (
              <tr key={s.id} className="border-t border-slate-100 dark:border-slate-800" data-testid="alert-state-row">
                <td className={td}>
                  <Badge tone={stateTone(s.state)}>{s.state}</Badge>
                </td>
                <td className={td}>{ruleName(s.ruleId)}</td>
                <td className={`${td} font-mono text-xs`}>{s.subject}</td>
                <td className={td}>{s.message}</td>
                <td className={`${td} whitespace-nowrap`}>
                  <Time t={s.firedAt ?? s.pendingSince} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

export function AlertsView({ clusterId, manage }: { clusterId: string; manage: AlertManage }) {
  const canManage = manage.admin || manage.teams.length > 0;
  const mine = (teamId: string | null) => manage.admin || (!!teamId && manage.teams.some((t) => t.id === teamId));
  const { data, error, isPending } = useQuery(alertOverviewOptions(clusterId));
  const del = useDeleteAlertRule(clusterId);
  const silence = useCreateSilence(clusterId);
  const unsilence = useDeleteSilence(clusterId);
  if (isPending) return <Loading label="Loading alerts…" />;
  if (error) {
    return (
      <p role="alert" className="text-sm text-red-700">
        {error.message}
      </p>
    );
  }
  const ruleName = (id: string | null) => (id ? (data.rules.find((r) => r.id === id)?.name ?? id) : "every rule");
  const ruleTeam = (id: string | null) => data.rules.find((r) => r.id === id)?.teamId ?? null;
  return (
    <div className="space-y-8">
      {canManage ? (
        <RuleForm clusterId={clusterId} disabled={!canManage} manage={manage} />
      ) : (
        <p className="text-sm text-slate-500">
          Admins create and change alert rules; a team&apos;s approvers those of their team.
        </p>
      )}

      <section className="space-y-2">
        <h2 className="text-base font-semibold">Firing and pending</h2>
        <FiringStates states={data.states} ruleName={ruleName} />
      </section>

      <section className="space-y-2">
        <h2 className="text-base font-semibold">Rules</h2>
        {data.rules.length === 0 ? (
          <p className="text-sm text-slate-500">No rules yet.</p>
        ) : (
          <table className="w-full text-sm" data-testid="alert-rules">
            <thead className="text-left text-xs text-slate-500">
              <tr>
                <th className={th}>Name</th>
                <th className={th}>Team</th>
                <th className={th}>Condition</th>
                <th className={th}>Hold / repeat</th>
                <th className={th}>Channels</th>
                <th className={th} />
              </tr>
            </thead>
            <tbody>
              {data.rules.map((r: AlertRuleDto) => (
                <tr key={r.id} className="border-t border-slate-100 dark:border-slate-800" data-testid="alert-rule-row">
                  <td className={`${td} font-medium`}>
                    {r.name}
                    {r.enabled ? null : <Badge className="ml-2">disabled</Badge>}
                  </td>
                  <td className={td} data-testid="alert-rule-team-cell">
                    {r.teamName ?? <span className="text-slate-400">admins</span>}
                  </td>
                  <td className={td}>{describeParams(r.params)}</td>
                  <td className={`${td} whitespace-nowrap`}>
                    {r.forSeconds} s / {Math.round(r.repeatSeconds / 60)} min
                  </td>
                  <td className={td}>
                    {r.channels.length ? (
                      r.channels.map(channelText).join("; ")
                    ) : (
                      <span className="text-slate-400">none</span>
                    )}
                  </td>
                  <td className={`${td} whitespace-nowrap text-right`}>
                    {mine(r.teamId) ? (
                      <>
                        <Button
                          variant="secondary"
                          size="sm"
                          onClick={() =>
                            silence.mutate({ ruleId: r.id, reason: "silenced from the alerts page", minutes: 60 })
                          }
                          data-testid="alert-rule-silence"
                        >
                          Silence 1 h
                        </Button>{" "}
                        <Button
                          variant="secondary"
                          size="sm"
                          onClick={() => del.mutate(r.id)}
                          data-testid="alert-rule-delete"
                        >
                          Delete
                        </Button>
                      </>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      {data.silences.length ? (
        <section className="space-y-2">
          <h2 className="text-base font-semibold">Silences</h2>
          <table className="w-full text-sm" data-testid="alert-silences">
            <tbody>
              {data.silences.map((s) => (
                <tr key={s.id} className="border-t border-slate-100 dark:border-slate-800">
                  <td className={td}>
                    {ruleName(s.ruleId)}
                    {s.subject ? ` · ${s.subject}` : ""}
                  </td>
                  <td className={td}>{s.reason}</td>
                  <td className={`${td} whitespace-nowrap`}>
                    until <Time t={s.expiresAt} />
                  </td>
                  <td className={`${td} text-right`}>
                    {manage.admin || (s.ruleId && mine(ruleTeam(s.ruleId))) ? (
                      <Button variant="secondary" size="sm" onClick={() => unsilence.mutate(s.id)}>
                        End
                      </Button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}

      <section className="space-y-2">
        <h2 className="text-base font-semibold">History</h2>
        {data.history.length === 0 ? (
          <p className="text-sm text-slate-500">Nothing has fired yet.</p>
        ) : (
          <table className="w-full text-sm" data-testid="alert-history">
            <tbody>
              {data.history.map((h) => (
                <tr
                  key={h.id}
                  className="border-t border-slate-100 dark:border-slate-800"
                  data-testid="alert-history-row"
                >
                  <td className={`${td} whitespace-nowrap`}>
                    <Time t={h.at} />
                  </td>
                  <td className={td}>
                    <Badge tone={stateTone(h.state)}>{h.state}</Badge>
                  </td>
                  <td className={td}>{ruleName(h.ruleId)}</td>
                  <td className={td}>{h.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
