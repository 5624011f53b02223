"use client";

import { Select } from "@/components/ui/select";

/** What the signed-in user manages on the alerts page: every rule (admin), and the teams they may give a rule to. */
export type AlertManage = { admin: boolean; teams: { id: string; name: string }[] };

/**
 * Whose rule it is. A team's rule is managed by its approvers, names only the team's groups, topics or connectors,
 * and also reaches the team's members in the bell; approvers choose among their teams, admins may leave it to admins.
 */
export function TeamSelect({
  manage,
  value,
  onChange,
}: {
  manage: AlertManage;
  value: string;
  onChange: (v: string) => void;
}) {
  return (
    <label className="flex items-center gap-2 text-sm">
      <span className="text-slate-600 dark:text-slate-300">Team</span>
      <Select
        aria-label="Team"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        data-testid="alert-rule-team"
        className="max-w-xs"
      >
        {manage.admin ? <option value="">No team (admins&apos; rule)</option> : null}
        {manage.teams.map((t) => (
          <option key={t.id} value={t.id}>
            {t.name}
          </option>
        ))}
      </Select>
      {value ? (
        <span className="text-xs text-slate-500">
          Group, topic and connector rules within the team&apos;s prefixes; members are notified in the app.
        </span>
      ) : null}
    </label>
  );
}
