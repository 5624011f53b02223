"use client";

import { useState } from "react";
import { MutationError } from "@/components/ui/form-errors";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { useReplayDryRunMutation, useStartReplayMutation } from "@/lib/queries/replay";
import { REDRIVE_PRESETS } from "@/lib/schemas/replay";
import { ReplayProgress } from "./replay-progress";

type Kind = "replay" | "redrive";
const check = "flex items-center gap-2 text-sm";

/**
 * Copy a selection of this topic to another topic (same or another cluster), or redrive a dead-letter topic's
 * records to the topics their header names: dry run first (count, sample, skipped), then start and follow.
 */
export function ReplayDialog({ clusterId, topic, onClose }: { clusterId: string; topic: string; onClose: () => void }) {
  const [kind, setKind] = useState<Kind>("replay");
  const [destCluster, setDestCluster] = useState(clusterId);
  const [destTopic, setDestTopic] = useState("");
  const [start, setStart] = useState<"oldest" | "offset" | "timestamp">("oldest");
  const [offset, setOffset] = useState("0");
  const [time, setTime] = useState("");
  const [partitions, setPartitions] = useState("");
  const [q, setQ] = useState("");
  const [cel, setCel] = useState("");
  const [rate, setRate] = useState("");
  const [keepTimestamps, setKeepTimestamps] = useState(false);
  const [keepPartition, setKeepPartition] = useState(false);
  const [preset, setPreset] = useState<keyof typeof REDRIVE_PRESETS | "">("connect");
  const [header, setHeader] = useState("");
  const [removeErrorHeaders, setRemoveErrorHeaders] = useState(true);
  const dry = useReplayDryRunMutation(clusterId, topic, kind);
  const run = useStartReplayMutation(clusterId, topic, kind);
  const body = () => ({
    start,
    ...(start === "offset" ? { offset } : {}),
    ...(start === "timestamp" && time ? { timestamp: new Date(time).getTime() } : {}),
    ...(partitions.trim() ? { partitions: partitions.split(",").map((p) => Number(p.trim())) } : {}),
    ...(q ? { q } : {}),
    ...(cel ? { cel } : {}),
    ...(rate ? { rateLimit: Number(rate) } : {}),
    keepTimestamps,
    ...(kind === "replay"
      ? { destination: { clusterId: destCluster, topic: destTopic }, keepPartition }
      : { ...(preset ? { preset } : {}), ...(header ? { header } : {}), removeErrorHeaders }),
  });
  const job = run.data;
  const result = dry.data;
  return (
    <Dialog
      onClose={onClose}
      size="lg"
      title={`Replay records of ${topic}`}
      description="Copies matching records with their keys and headers through an idempotent producer. Dry run first; the job is audited and can be cancelled and resumed."
      testId="replay-dialog"
      footer={
        <>
          <Button onClick={onClose}>Close</Button>
          <Button onClick={() => dry.mutate(body())} disabled={dry.isPending || !!job} data-testid="replay-dry-run">
            {dry.isPending ? "Counting…" : "Dry run"}
          </Button>
          <Button
            variant="primary"
            onClick={() => run.mutate(body())}
            disabled={!result || run.isPending || !!job}
            data-testid="replay-start"
          >
            Start
          </Button>
        </>
      }
    >
      <form className="space-y-4" onSubmit={(e) => e.preventDefault()} onChange={() => dry.data && !job && dry.reset()}>
        <div className="flex flex-wrap gap-4">
          <Field label="Operation" htmlFor="replay-kind">
            <Select
              id="replay-kind"
              value={kind}
              onChange={(e) => setKind(e.target.value as Kind)}
              data-testid="replay-kind"
            >
              <option value="replay">Copy to a topic</option>
              <option value="redrive">Dead-letter redrive (to each record&apos;s original topic)</option>
            </Select>
          </Field>
          {kind === "replay" ? (
            <>
              <Field label="Destination cluster" htmlFor="replay-dest-cluster">
                <Input
                  id="replay-dest-cluster"
                  value={destCluster}
                  onChange={(e) => setDestCluster(e.target.value)}
                  className="w-40 font-mono"
                />
              </Field>
              <Field label="Destination topic" htmlFor="replay-dest-topic">
                <Input
                  id="replay-dest-topic"
                  value={destTopic}
                  onChange={(e) => setDestTopic(e.target.value)}
                  className="w-72 font-mono"
                  data-testid="replay-dest-topic"
                />
              </Field>
            </>
          ) : (
            <>
              <Field label="Original-topic header" htmlFor="replay-preset">
                <Select
                  id="replay-preset"
                  value={preset}
                  onChange={(e) => setPreset(e.target.value as typeof preset)}
                  data-testid="replay-preset"
                >
                  <option value="connect">Kafka Connect ({REDRIVE_PRESETS.connect.header})</option>
                  <option value="spring">Spring ({REDRIVE_PRESETS.spring.header})</option>
                  <option value="">Other header…</option>
                </Select>
              </Field>
              {preset === "" ? (
                <Field label="Header name" htmlFor="replay-header">
                  <Input
                    id="replay-header"
                    value={header}
                    onChange={(e) => setHeader(e.target.value)}
                    className="w-64 font-mono"
                  />
                </Field>
              ) : null}
            </>
          )}
        </div>
        <div className="flex flex-wrap gap-4">
          <Field label="From" htmlFor="replay-start">
            <Select id="replay-start" value={start} onChange={(e) => setStart(e.target.value as typeof start)}>
              <option value="oldest">the oldest record</option>
              <option value="offset">an offset</option>
              <option value="timestamp">a time</option>
            </Select>
          </Field>
          {start === "offset" ? (
            <Field label="Offset" htmlFor="replay-offset">
              <Input
                id="replay-offset"
                value={offset}
                onChange={(e) => setOffset(e.target.value)}
                className="w-32 font-mono"
              />
            </Field>
          ) : null}
          {start === "timestamp" ? (
            <Field label="Time" htmlFor="replay-time">
              <Input id="replay-time" type="datetime-local" value={time} onChange={(e) => setTime(e.target.value)} />
            </Field>
          ) : null}
          <Field label="Partitions" htmlFor="replay-partitions" hint="comma-separated; empty = all">
            <Input
              id="replay-partitions"
              value={partitions}
              onChange={(e) => setPartitions(e.target.value)}
              className="w-32 font-mono"
            />
          </Field>
          <Field label="Rate limit (records/s)" htmlFor="replay-rate" hint="empty = no limit">
            <Input
              id="replay-rate"
              type="number"
              min={1}
              value={rate}
              onChange={(e) => setRate(e.target.value)}
              className="w-32"
              data-testid="replay-rate"
            />
          </Field>
        </div>
        <div className="flex flex-wrap gap-4">
          <Field label="Text filter" htmlFor="replay-q" hint="substring in key, value or headers">
            <Input
              id="replay-q"
              value={q}
              onChange={(e) => setQ(e.target.value)}
              className="w-64 font-mono"
              data-testid="replay-q"
            />
          </Field>
          <Field label="CEL filter" htmlFor="replay-cel" hint='e.g. value.customer == "acme"'>
            <Input id="replay-cel" value={cel} onChange={(e) => setCel(e.target.value)} className="w-80 font-mono" />
          </Field>
        </div>
        <div className="flex flex-wrap gap-4">
          <label className={check}>
            <input type="checkbox" checked={keepTimestamps} onChange={(e) => setKeepTimestamps(e.target.checked)} />{" "}
            Keep timestamps
          </label>
          {kind === "replay" ? (
            <label className={check}>
              <input type="checkbox" checked={keepPartition} onChange={(e) => setKeepPartition(e.target.checked)} />{" "}
              Keep partitions
            </label>
          ) : (
            <label className={check}>
              <input
                type="checkbox"
                checked={removeErrorHeaders}
                onChange={(e) => setRemoveErrorHeaders(e.target.checked)}
              />{" "}
              Remove the error headers
            </label>
          )}
        </div>
        <MutationError action="dry-run the replay of" topic={topic} error={dry.error} testId="replay-dry-run-error" />
        <MutationError action="start the replay of" topic={topic} error={run.error} testId="replay-start-error" />
        {result ? (
          <section className="space-y-2" data-testid="replay-dry-run-result">
            <p className="text-sm" role="status">
              <strong data-testid="replay-count">{result.count.toLocaleString("en-US")}</strong> record(s) would be
              written
              {result.destinations.length
                ? ` to ${result.destinations.map((d) => `${d.topic} (${d.count})`).join(", ")}`
                : ""}
              ; {result.scanned.toLocaleString("en-US")} read
              {result.skipped.length ? `, ${result.skipped.length} skipped` : ""}
              {result.capped ? " (stopped counting at the dry run's limit)" : ""}.
            </p>
            {result.sample.length ? (
              <table className="w-full table-fixed text-xs">
                <thead className="text-left text-slate-500">
                  <tr>
                    <th className="w-28">partition:offset</th>
                    <th className="w-32">key</th>
                    <th>value</th>
                  </tr>
                </thead>
                <tbody className="font-mono">
                  {result.sample.map((s) => (
                    <tr key={`${s.partition}:${s.offset}`} className="border-t border-slate-100 dark:border-slate-800">
                      <td>
                        {s.partition}:{s.offset}
                      </td>
                      <td className="truncate">{s.key ?? "null"}</td>
                      <td className="truncate">{s.value ?? "null"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
            {result.skipped.map((s) => (
              <p key={`${s.partition}:${s.offset}`} className="text-xs text-amber-700 dark:text-amber-400">
                Skipped {s.partition}:{s.offset}: {s.reason}
              </p>
            ))}
          </section>
        ) : null}
        {job ? <ReplayProgress clusterId={clusterId} initial={job} /> : null}
      </form>
    </Dialog>
  );
}
