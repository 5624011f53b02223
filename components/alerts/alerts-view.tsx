"use client";

import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { Loading } from "@/components/ui/states";
import { type AlertManage } from "@/components/alerts/team-select";
import { alertOverviewOptions, useCreateSilence, useDeleteAlertRule, useDeleteSilence } from "@/lib/queries/alerts";
import { FiringStates, HistoryTable, RulesTable, SilencesTable } from "./alerts-tables";
import { RuleForm } from "./rule-form";

export { describeParams } from "./alerts-tables";

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="space-y-2">
      <h2 className="text-base font-semibold">{title}</h2>
      {children}
    </section>
  );
}

/** Rules, firing and pending alerts, history and silences of a cluster; admins create and delete rules and silences. */
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
      <Section title="Firing and pending">
        <FiringStates states={data.states} ruleName={ruleName} />
      </Section>
      <Section title="Rules">
        <RulesTable
          rules={data.rules}
          mine={mine}
          onSilence={(ruleId) => silence.mutate({ ruleId, reason: "silenced from the alerts page", minutes: 60 })}
          onDelete={(ruleId) => del.mutate(ruleId)}
        />
      </Section>
      {data.silences.length ? (
        <Section title="Silences">
          <SilencesTable
            silences={data.silences}
            ruleName={ruleName}
            canEnd={(ruleId) => manage.admin || (!!ruleId && mine(ruleTeam(ruleId)))}
            onEnd={(id) => unsilence.mutate(id)}
          />
        </Section>
      ) : null}
      <Section title="History">
        <HistoryTable history={data.history} ruleName={ruleName} />
      </Section>
    </div>
  );
}
