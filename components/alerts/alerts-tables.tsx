"use client";

import { Fragment } from "react";
import { Time } from "@/components/ui/time-zone";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { TableHead } from "@/components/ui/table-head";
import type { AlertChannel, AlertParams, AlertRuleDto } from "@/lib/alerts/rules";
import type { AlertOverview } from "@/lib/queries/alerts";

const th = "px-3 py-2 font-medium";
const td = "px-3 py-2 align-top";
const row = "border-t border-slate-100 dark:border-slate-800";

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

const stateTone = (s: string) => (s === "firing" ? "bad" : s === "pending" ? "warn" : s === "resolved" ? "ok" : "info");

/** What is firing or pending now, or a line saying nothing is. */
export function FiringStates({
  states,
  ruleName,
}: {
  states: AlertOverview["states"];
  ruleName: (id: string | null) => string;
}) {
  if (states.length === 0) {
    return (
      <p className="text-sm text-slate-500" data-testid="alerts-none-firing">
        Nothing is firing.
      </p>
    );
  }
  return (
    <table className="w-full text-sm" data-testid="alerts-firing">
      <TableHead cellClassName={th} labels={["State", "Rule", "Subject", "What", "Since"]} />
      <tbody>
        {states.map((s) => (
          <tr key={s.id} className={row} data-testid="alert-state-row">
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
  );
}

/** The rules, with silence and delete for those the user manages. */
export function RulesTable({
  rules,
  mine,
  onSilence,
  onDelete,
}: {
  rules: AlertRuleDto[];
  mine: (teamId: string | null) => boolean;
  onSilence: (ruleId: string) => void;
  onDelete: (ruleId: string) => void;
}) {
  if (rules.length === 0) return <p className="text-sm text-slate-500">No rules yet.</p>;
  const actions = [
    { label: "Silence 1 h", testId: "alert-rule-silence", run: onSilence },
    { label: "Delete", testId: "alert-rule-delete", run: onDelete },
  ];
  return (
    <table className="w-full text-sm" data-testid="alert-rules">
      <TableHead cellClassName={th} labels={["Name", "Team", "Condition", "Hold / repeat", "Channels", ""]} />
      <tbody>
        {rules.map((r) => (
          <tr key={r.id} className={row} data-testid="alert-rule-row">
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
              {mine(r.teamId)
                ? actions.map((a, i) => (
                    <Fragment key={a.testId}>
                      {i > 0 ? " " : null}
                      <Button variant="secondary" size="sm" onClick={() => a.run(r.id)} data-testid={a.testId}>
                        {a.label}
                      </Button>
                    </Fragment>
                  ))
                : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The silences in force; "End" for those the user manages. */
export function SilencesTable({
  silences,
  ruleName,
  canEnd,
  onEnd,
}: {
  silences: AlertOverview["silences"];
  ruleName: (id: string | null) => string;
  canEnd: (ruleId: string | null) => boolean;
  onEnd: (silenceId: string) => void;
}) {
  return (
    <table className="w-full text-sm" data-testid="alert-silences">
      <tbody>
        {silences.map((s) => (
          <tr key={s.id} className={row}>
            <td className={td}>
              {ruleName(s.ruleId)}
              {s.subject ? ` · ${s.subject}` : ""}
            </td>
            <td className={td}>{s.reason}</td>
            <td className={`${td} whitespace-nowrap`}>
              until <Time t={s.expiresAt} />
            </td>
            <td className={`${td} text-right`}>
              {canEnd(s.ruleId) ? (
                <Button variant="secondary" size="sm" onClick={() => onEnd(s.id)}>
                  End
                </Button>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** What fired and resolved, newest first, or a line saying nothing has. */
export function HistoryTable({
  history,
  ruleName,
}: {
  history: AlertOverview["history"];
  ruleName: (id: string | null) => string;
}) {
  if (history.length === 0) return <p className="text-sm text-slate-500">Nothing has fired yet.</p>;
  return (
    <table className="w-full text-sm" data-testid="alert-history">
      <tbody>
        {history.map((h) => (
          <tr key={h.id} className={row} data-testid="alert-history-row">
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
  );
}
