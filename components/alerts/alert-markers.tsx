"use client";

import { useQuery } from "@tanstack/react-query";
import { BellRing } from "lucide-react";
import Link from "next/link";
import type { AlertStateDto } from "@/lib/alerts/rules";
import { paths } from "@/lib/paths";
import { alertOverviewOptions } from "@/lib/queries/alerts";
import { topicDetailOptions } from "@/lib/queries/topics";

function Markers({
  clusterId,
  firing,
  name,
}: {
  clusterId: string;
  firing: AlertStateDto[];
  name: (ruleId: string) => string;
}) {
  if (firing.length === 0) return null;
  return (
    <div
      role="status"
      className="mb-4 space-y-1 rounded-lg border border-red-200 bg-red-50 p-3 text-sm text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200"
      data-testid="alert-markers"
    >
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

/** Alerts firing now for one group or topic (the subject), shown on its page with a link to the cluster's alerts. */
export function AlertMarkers({ clusterId, subject }: { clusterId: string; subject: string }) {
  const { data } = useQuery(alertOverviewOptions(clusterId));
  const firing = data?.states.filter((s) => s.state === "firing" && s.subject === subject) ?? [];
  const name = (ruleId: string) => data?.rules.find((r) => r.id === ruleId)?.name ?? "alert";
  return <Markers clusterId={clusterId} firing={firing} name={name} />;
}

/**
 * Alerts firing now that concern a topic: its own (topic_idle), "partitions" when this topic has under-replicated or
 * offline partitions, and "disk" when the full log dir's broker holds one of its replicas.
 */
export function TopicAlertMarkers({ clusterId, topic }: { clusterId: string; topic: string }) {
  const { data } = useQuery(alertOverviewOptions(clusterId));
  const { data: detail } = useQuery(topicDetailOptions(clusterId, topic));
  const kindOf = new Map((data?.rules ?? []).map((r) => [r.id, r.params]));
  const brokers = new Set(detail?.partitions.flatMap((p) => p.replicas) ?? []);
  const concerns = (s: AlertStateDto) => {
    if (s.state !== "firing") return false;
    const p = kindOf.get(s.ruleId);
    if (!p) return false;
    if (p.kind === "partitions") {
      return !!detail?.partitions.some((x) => (p.condition === "offline" ? x.offline : x.underReplicated || x.offline));
    }
    if (p.kind === "disk") {
      const m = /^broker (\d+) /.exec(s.subject);
      return !!m && brokers.has(Number(m[1]));
    }
    return p.kind === "topic_idle" && s.subject === topic;
  };
  const firing = data?.states.filter(concerns) ?? [];
  const name = (ruleId: string) => data?.rules.find((r) => r.id === ruleId)?.name ?? "alert";
  return <Markers clusterId={clusterId} firing={firing} name={name} />;
}
