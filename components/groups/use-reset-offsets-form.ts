"use client";

import { useMemo, useState } from "react";
import { useResetOffsetsMutation } from "@/lib/queries/groups";
import { resetOffsetsBodySchema, type GroupDetail, type ResetOffsetsBody } from "@/lib/schemas/groups";

export type TargetType = ResetOffsetsBody["to"]["type"];
export type TargetValues = { time: string; offset: string; shift: string; clamp: boolean };

/** The form as the API body; timestamp is the browser's local time. Numbers that do not parse become NaN so zod explains. */
function toBody(topics: Record<string, number[]>, type: TargetType, v: TargetValues): ResetOffsetsBody {
  const to: ResetOffsetsBody["to"] =
    type === "timestamp"
      ? { type, timestamp: v.time ? new Date(v.time).getTime() : Number.NaN }
      : type === "offset"
        ? { type, offset: v.offset.trim(), clamp: v.clamp }
        : type === "shift"
          ? { type, by: v.shift.trim() === "" ? Number.NaN : Number(v.shift), clamp: v.clamp }
          : { type };
  return {
    topics: Object.entries(topics).map(([topic, partitions]) =>
      partitions.length ? { topic, partitions: [...partitions].sort((a, b) => a - b) } : { topic },
    ),
    to,
  };
}

/**
 * The reset-offsets form: chosen topics and partitions, the target, the preview (a dry run) and the apply. A preview
 * only counts for the form it was computed from; Apply also needs a group without active members.
 */
export function useResetOffsetsForm(clusterId: string, group: GroupDetail) {
  const partitionsByTopic = useMemo(() => {
    const m = new Map<string, number[]>();
    for (const p of group.partitions) m.set(p.topic, [...(m.get(p.topic) ?? []), p.partition]);
    return m;
  }, [group.partitions]);

  // Chosen topics → chosen partitions ([] = all partitions of the topic).
  const [chosen, setChosen] = useState<Record<string, number[]>>(() =>
    Object.fromEntries([...partitionsByTopic.keys()].map((t) => [t, []])),
  );
  const [type, setType] = useState<TargetType>("earliest");
  const [values, setValues] = useState<TargetValues>({ time: "", offset: "", shift: "", clamp: false });
  const [error, setError] = useState<string>();
  const preview = useResetOffsetsMutation(clusterId, group.groupId);
  const apply = useResetOffsetsMutation(clusterId, group.groupId);

  const body = toBody(chosen, type, values);
  const bodyKey = JSON.stringify(body);
  const [previewKey, setPreviewKey] = useState<string>();
  const previewFresh = !!preview.data && previewKey === bodyKey;
  const members = group.members;
  const applyBlocked =
    members.length > 0
      ? `The group has ${members.length} active member${members.length === 1 ? "" : "s"}: Kafka only accepts new offsets once every consumer has stopped.`
      : !previewFresh
        ? "Preview first: Apply writes exactly what the preview shows."
        : undefined;

  const edit = (fn: () => void) => {
    fn();
    setError(undefined);
    apply.reset();
  };
  return {
    partitionsByTopic,
    chosen,
    type,
    values,
    error,
    preview,
    apply,
    previewFresh,
    applyBlocked,
    chooseType: (t: TargetType) => edit(() => setType(t)),
    setValue: <K extends keyof TargetValues>(k: K, v: TargetValues[K]) => edit(() => setValues({ ...values, [k]: v })),
    toggleTopic: (topic: string, on: boolean) =>
      edit(() => setChosen(({ [topic]: _drop, ...rest }) => (on ? { ...rest, [topic]: [] } : rest))),
    togglePartition: (topic: string, p: number, on: boolean) =>
      edit(() =>
        setChosen((c) => ({ ...c, [topic]: on ? [...(c[topic] ?? []), p] : (c[topic] ?? []).filter((x) => x !== p) })),
      ),
    runPreview: () => {
      const parsed = resetOffsetsBodySchema.safeParse(body);
      if (!parsed.success) {
        setError(parsed.error.issues[0].message);
        return;
      }
      setError(undefined);
      setPreviewKey(bodyKey);
      preview.mutate({ body, dryRun: true });
    },
    runApply: () => {
      if (applyBlocked) return;
      apply.mutate({ body, dryRun: false });
    },
  };
}

export type ResetOffsetsForm = ReturnType<typeof useResetOffsetsForm>;
