"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState, type ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { ErrorState, Loading, RetryButton } from "@/components/ui/states";
import { ApiClientError } from "@/lib/api/client";
import { cn } from "@/lib/cn";
import { formatNumber } from "@/lib/format";
import { paths } from "@/lib/paths";
import { topicDetailOptions } from "@/lib/queries/topics";
import type { TopicDetail } from "@/lib/schemas/topics";
import { TopicConfigTable } from "./topic-config-table";
import { TopicConsumerGroupsTable } from "./topic-consumer-groups-table";
import { TopicPartitionsTable } from "./topic-partitions-table";
import { TopicSubjects } from "./topic-subjects";
import { TopicRateChart } from "@/components/charts/cluster-metrics";
import { TopicSizesCard } from "@/components/charts/size-views";

type Tab = "partitions" | "configuration" | "groups" | "acls";
type Props = { clusterId: string; topic: string; readOnlyReason?: string; hasRegistry?: boolean };

function Stat({ label, value, testId, tone }: { label: string; value: string; testId: string; tone?: "warn" | "bad" }) {
  return (
    <div className="px-4 py-3">
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd
        className={cn(
          "text-lg font-semibold tabular-nums",
          tone === "warn" && "text-amber-600",
          tone === "bad" && "text-red-600",
        )}
        data-testid={testId}
      >
        {value}
      </dd>
    </div>
  );
}

/** The topic's headline numbers: partitions, replication, records and unhealthy partitions. */
function TopicStats({
  partitions,
  replicationFactor,
  records,
}: Pick<TopicDetail, "partitions" | "replicationFactor" | "records">) {
  const urp = partitions.filter((p) => p.underReplicated).length;
  const offline = partitions.filter((p) => p.offline).length;
  return (
    <Card>
      <dl className="grid grid-cols-2 divide-slate-100 sm:grid-cols-5 sm:divide-x dark:divide-slate-800">
        <Stat label="Partitions" value={formatNumber(partitions.length)} testId="topic-stat-partitions" />
        <Stat label="Replication factor" value={String(replicationFactor)} testId="topic-stat-rf" />
        <Stat label="Records" value={records === null ? "—" : formatNumber(records)} testId="topic-stat-records" />
        <Stat label="Under-replicated" value={String(urp)} testId="topic-stat-urp" tone={urp ? "warn" : undefined} />
        <Stat label="Offline" value={String(offline)} testId="topic-stat-offline" tone={offline ? "bad" : undefined} />
      </dl>
    </Card>
  );
}

/** The tab row over the partitions, configuration, consumer groups and ACLs panels. */
function TabBar({
  tabs,
  tab,
  onTab,
}: {
  tabs: { id: Tab; label: string; count: number }[];
  tab: Tab;
  onTab: (t: Tab) => void;
}) {
  return (
    <div
      role="tablist"
      aria-label="Topic sections"
      className="mb-4 flex gap-1 border-b border-slate-200 dark:border-slate-800"
    >
      {tabs.map((t) => (
        <button
          key={t.id}
          type="button"
          role="tab"
          id={`tab-${t.id}`}
          aria-selected={tab === t.id}
          aria-controls={`panel-${t.id}`}
          onClick={() => onTab(t.id)}
          data-testid={`topic-tab-${t.id}`}
          className={cn(
            "-mb-px inline-flex items-center gap-2 border-b-2 px-3 py-2 text-sm font-medium",
            tab === t.id
              ? "border-brand-600 text-brand-700 dark:border-cyan-400 dark:text-cyan-300"
              : "border-transparent text-slate-500 hover:text-slate-800 dark:hover:text-slate-200",
          )}
        >
          {t.label}
          {t.count >= 0 ? (
            <span className="rounded-full bg-slate-100 px-1.5 text-xs tabular-nums text-slate-600 dark:bg-slate-800 dark:text-slate-300">
              {t.count}
            </span>
          ) : null}
        </button>
      ))}
    </div>
  );
}

/** The topic's numbers, then its partitions, configuration and the consumer groups reading it. */
export function TopicDetailView({
  clusterId,
  topic,
  readOnlyReason,
  hasRegistry = false,
  aclPanel,
}: Props & { aclPanel?: ReactNode }) {
  const { data, error, isPending, refetch } = useQuery(topicDetailOptions(clusterId, topic));
  const [tab, setTab] = useState<Tab>("partitions");
  if (isPending) return <Loading label="Loading the topic…" />;
  if (error) {
    const missing = error instanceof ApiClientError && error.status === 404;
    return (
      <ErrorState
        title={missing ? "Topic not found" : `Could not load ${topic}`}
        message={error.message}
        action={
          missing ? (
            <Link href={paths.topics(clusterId)} className="text-sm font-medium underline">
              Back to topics
            </Link>
          ) : (
            <RetryButton onRetry={() => refetch()} />
          )
        }
      />
    );
  }

  const tabs: { id: Tab; label: string; count: number }[] = [
    { id: "partitions", label: "Partitions", count: data.partitions.length },
    { id: "configuration", label: "Configuration", count: data.configs.length },
    { id: "groups", label: "Consumer groups", count: data.consumerGroups.length },
    ...(aclPanel ? [{ id: "acls" as const, label: "ACLs", count: -1 }] : []),
  ];

  return (
    <div className="space-y-6">
      <TopicStats partitions={data.partitions} replicationFactor={data.replicationFactor} records={data.records} />
      {data.internal ? <Badge>internal topic</Badge> : null}
      <TopicSubjects clusterId={clusterId} topic={topic} hasRegistry={hasRegistry} />
      <TopicSizesCard clusterId={clusterId} topic={topic} />
      <TopicRateChart clusterId={clusterId} topic={topic} />

      <div>
        <TabBar tabs={tabs} tab={tab} onTab={setTab} />
        <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
          {tab === "partitions" ? <TopicPartitionsTable partitions={data.partitions} /> : null}
          {tab === "configuration" ? (
            <TopicConfigTable
              clusterId={clusterId}
              topic={topic}
              configs={data.configs}
              readOnlyReason={readOnlyReason}
            />
          ) : null}
          {tab === "groups" ? <TopicConsumerGroupsTable groups={data.consumerGroups} /> : null}
          {tab === "acls" ? aclPanel : null}
        </div>
      </div>
    </div>
  );
}
