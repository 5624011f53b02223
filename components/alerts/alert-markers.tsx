"use client";

import { useQuery } from "@tanstack/react-query";
import { BellRing } from "lucide-react";
import Link from "next/link";
import { paths } from "@/lib/paths";
import { alertOverviewOptions } from "@/lib/queries/alerts";

/** Alerts firing now for one group or topic (the subject), shown on its page with a link to the cluster's alerts. */
export function AlertMarkers({ clusterId, subject }: { clusterId: string; subject: string }) {
  const { data } = useQuery(alertOverviewOptions(clusterId));
  const firing = data?.states.filter((s) => s.state === "firing" && s.subject === subject) ?? [];
  if (firing.length === 0) return null;
  const name = (ruleId: string) => data?.rules.find((r) => r.id === ruleId)?.name ?? "alert";
  return (
    <div role="status" className="mb-4 space-y-1 rounded-lg border border-red-200 bg-red-50 p-3 text-sm text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200" data-testid="alert-markers">
      {firing.map((s) => (
        <p key={s.id} className="flex items-start gap-2">
          <BellRing className="mt-0.5 h-4 w-4 shrink-0" aria-hidden />
          <span>
            <strong>{name(s.ruleId)}</strong> is firing: {s.message}.{" "}
            <Link href={paths.alerts(clusterId)} className="underline">
              Alerts
            </Link>
          </span>
        </p>
      ))}
    </div>
  );
}
