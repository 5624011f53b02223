"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { paths } from "@/lib/paths";
import { subjectListOptions } from "@/lib/queries/schemas";

/** The topic's key and value subjects under TopicNameStrategy; nothing when the cluster has no registry. */
export function TopicSubjects({
  clusterId,
  topic,
  hasRegistry,
}: {
  clusterId: string;
  topic: string;
  hasRegistry: boolean;
}) {
  const { data, error } = useQuery({ ...subjectListOptions(clusterId, {}), enabled: hasRegistry });
  if (!hasRegistry) return null;
  if (error) {
    return <p className="text-sm text-slate-500">Schemas: the registry could not be read ({error.message}).</p>;
  }
  if (!data) return null;
  const mine = data.items.filter((s) => s.topic === topic);
  const row = (role: "key" | "value") => {
    const s = mine.find((x) => x.role === role);
    return (
      <span className="inline-flex items-center gap-1.5" data-testid={`topic-subject-${role}`}>
        <span className="text-slate-500">{role}:</span>
        {s ? (
          <Link
            href={paths.subject(clusterId, s.subject)}
            className="font-mono text-brand-700 hover:underline dark:text-cyan-300"
          >
            {s.subject}
          </Link>
        ) : (
          <span className="text-slate-400">no subject</span>
        )}
        {s ? (
          <span className="text-xs text-slate-500">
            {s.schemaType} v{s.latestVersion} (id {s.latestId})
          </span>
        ) : null}
      </span>
    );
  };
  return (
    <div className="flex flex-wrap items-center gap-x-6 gap-y-1 text-sm" data-testid="topic-subjects">
      <span className="font-medium">Schemas</span>
      {row("key")}
      {row("value")}
    </div>
  );
}
