"use client";

import { useQuery } from "@tanstack/react-query";
import { AlertTriangle, ClipboardCheck } from "lucide-react";
import Link from "next/link";
import { paths } from "@/lib/paths";
import { requestListOptions } from "@/lib/queries/requests";
import type { TopicRequestDto } from "@/lib/schemas/requests";

/** One drifted item, short: the topic, its partition count or a config. */
function driftText(d: NonNullable<TopicRequestDto["drift"]>[number]): string {
  if (d.kind === "missing") return "topic missing";
  if (d.kind === "partitions") return `partitions ${d.expected} → ${d.actual}`;
  return `${d.name} ${d.expected} → ${d.actual ?? "default"}`;
}

/**
 * On a topic's page: which team's request provisioned it, and a warning when the live topic drifted from what
 * was requested. Shows only requests the user may see; nothing when the topic never went through a request.
 */
export function TopicOwnership({ clusterId, topic }: { clusterId: string; topic: string }) {
  const q = useQuery(requestListOptions(clusterId, "all", topic));
  const requests = q.data ?? [];
  const created = requests.find((r) => r.kind === "create" && r.status === "PROVISIONED");
  const open = requests.find((r) => r.status === "PENDING" || r.status === "APPROVED");
  if (!created && !open) return null;
  return (
    <div className="mb-4 space-y-2">
      {created?.drift ? (
        <div
          className="flex items-start gap-3 rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-800 dark:bg-amber-950/40"
          data-testid="topic-drift"
        >
          <AlertTriangle className="mt-0.5 h-4 w-4 shrink-0 text-amber-600" />
          <div>
            <span className="font-medium">Drifted from its request: </span>
            {created.drift.map(driftText).join("; ")}.{" "}
            <Link className="underline" href={paths.request(clusterId, created.id)}>
              See the request
            </Link>
          </div>
        </div>
      ) : null}
      <p className="flex items-center gap-2 text-xs text-slate-500" data-testid="topic-owner">
        <ClipboardCheck className="h-3.5 w-3.5" />
        {created ? (
          <>
            Provisioned for team {created.team.name} by{" "}
            <Link className="underline" href={paths.request(clusterId, created.id)}>
              a request
            </Link>{" "}
            of {created.requester.name}.
          </>
        ) : null}
        {open ? (
          <>
            {" "}
            <Link className="underline" href={paths.request(clusterId, open.id)}>
              A request
            </Link>{" "}
            for it is {open.status.toLowerCase()}.
          </>
        ) : null}
      </p>
    </div>
  );
}
