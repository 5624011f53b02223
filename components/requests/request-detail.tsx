"use client";

import { useQuery } from "@tanstack/react-query";
import { AlertTriangle, RotateCcw } from "lucide-react";
import Link from "next/link";
import { useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Time } from "@/components/ui/time-zone";
import { ErrorState, Loading } from "@/components/ui/states";
import { paths } from "@/lib/paths";
import { requestDetailOptions, useRequestAction } from "@/lib/queries/requests";
import type { TopicRequestDto } from "@/lib/schemas/requests";
import { accessSpecLines, RevealPassword, RevokeAccess } from "./access-actions";
import { CommentBox } from "./comment-box";
import { KIND_LABEL, RequestStatusBadge } from "./request-status";
import { useLiveRequests } from "./use-live-requests";

const when = (iso: string | null) => <Time t={iso} />;

/** One line of drift between what was provisioned and what the cluster has now. */
function describeDrift(d: NonNullable<TopicRequestDto["drift"]>[number]): string {
  switch (d.kind) {
    case "missing":
      return "the topic is missing";
    case "partitions":
      return `partitions: ${d.expected} requested, ${d.actual} now`;
    case "acl-missing":
      return `binding missing: ${d.name}`;
    case "acl-extra":
      return `binding added outside Sluice: ${d.name}`;
    default:
      return `${d.name}: ${d.expected} requested, ${d.actual ?? "default"} now`;
  }
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-xs uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="mt-0.5 text-sm">{children}</dd>
    </div>
  );
}

function SpecLines({ r }: { r: TopicRequestDto }) {
  const s = r.spec as Record<string, unknown>;
  const lines: string[] = [];
  if (r.kind === "create") {
    lines.push(`${s.partitions} partitions, replication factor ${s.replicationFactor}`);
    for (const [k, v] of Object.entries(s.configs as Record<string, string>)) lines.push(`${k} = ${v}`);
  } else if (r.kind === "alter-configs") {
    for (const [k, v] of Object.entries(s.set as Record<string, string>)) lines.push(`set ${k} = ${v}`);
    for (const k of s.reset as string[]) lines.push(`reset ${k}`);
    for (const g of (s.access ?? []) as { principal: string; operations: string[] }[]) {
      lines.push(`grant ${g.principal}: ${g.operations.join(", ")}`);
    }
  } else if (r.kind === "add-partitions") {
    lines.push(`raise partitions to ${s.partitions}`);
  } else if (r.kind === "delete") {
    lines.push("delete the topic and its records");
  } else {
    lines.push(...accessSpecLines(r));
  }
  return (
    <ul className="space-y-0.5 font-mono text-sm" data-testid="request-spec">
      {lines.map((l) => (
        <li key={l}>{l}</li>
      ))}
    </ul>
  );
}

/** A provisioned topic's link (not for a deleted topic or a prefix grant). */
function opensTopic(r: TopicRequestDto): r is TopicRequestDto & { topicName: string } {
  return (
    r.status === "PROVISIONED" &&
    !!r.topicName &&
    r.kind !== "delete" &&
    !(r.kind === "access" && (r.spec as { resource: { patternType: string } }).resource.patternType === "PREFIXED")
  );
}

/** Status, kind, who and when, what is asked and why, and the decider's comment. */
function SummaryCard({ clusterId, r }: { clusterId: string; r: TopicRequestDto }) {
  return (
    <Card>
      <CardHeader>
        <div className="flex items-center gap-3">
          <RequestStatusBadge status={r.status} />
          <span className="text-sm text-slate-500">{KIND_LABEL[r.kind]}</span>
        </div>
        {opensTopic(r) ? (
          <Link
            className="text-sm text-brand-700 hover:underline dark:text-cyan-300"
            href={paths.topic(clusterId, r.topicName)}
            data-testid="request-topic-link"
          >
            Open topic
          </Link>
        ) : null}
      </CardHeader>
      <CardBody>
        <dl className="grid gap-4 sm:grid-cols-3">
          <Fact label="Team">{r.team.name}</Fact>
          {r.principal ? <Fact label="Principal">{r.principal}</Fact> : null}
          <Fact label="Decided by">
            <span data-testid="request-deciding">
              {r.decidingTeam ? `approvers of ${r.decidingTeam.name}` : "cluster admins"}
            </span>
          </Fact>
          <Fact label="Requested by">{r.requester.name}</Fact>
          <Fact label="Submitted">{when(r.createdAt)}</Fact>
          <Fact label="Decider">{r.decider?.name ?? "—"}</Fact>
          <Fact label="Decided">{when(r.decidedAt)}</Fact>
          <Fact label="Provisioned">{when(r.provisionedAt)}</Fact>
        </dl>
        <div className="mt-4 grid gap-4 sm:grid-cols-2">
          <div>
            <p className="mb-1 text-xs uppercase tracking-wide text-slate-500">Asks for</p>
            <SpecLines r={r} />
          </div>
          <div>
            <p className="mb-1 text-xs uppercase tracking-wide text-slate-500">Justification</p>
            <p className="whitespace-pre-wrap text-sm">{r.justification}</p>
          </div>
        </div>
        {r.decisionComment ? (
          <div className="mt-4 rounded-md bg-slate-50 p-3 text-sm dark:bg-slate-800" data-testid="request-comment">
            <span className="font-medium">{r.decider?.name}:</span> {r.decisionComment}
          </div>
        ) : null}
      </CardBody>
    </Card>
  );
}

/** What drifted since provisioning, and what to do about it. */
function DriftWarning({ r, drift }: { r: TopicRequestDto; drift: NonNullable<TopicRequestDto["drift"]> }) {
  return (
    <div
      className="flex items-start gap-3 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm dark:border-amber-800 dark:bg-amber-950/40"
      data-testid="request-drift"
    >
      <AlertTriangle className="mt-0.5 h-5 w-5 shrink-0 text-amber-600" />
      <div>
        <p className="font-medium">
          The cluster no longer matches what was provisioned (checked {when(r.driftCheckedAt)}).
        </p>
        <ul className="mt-1 list-disc pl-5">
          {drift.map((d, i) => (
            <li key={i}>{describeDrift(d)}</li>
          ))}
        </ul>
        <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">
          Someone changed it outside Sluice. Submit a change request to make it official, or restore the values.
        </p>
      </div>
    </div>
  );
}

type Action = ReturnType<typeof useRequestAction>;

/** Approve or reject with a comment (an approver), or why the user cannot; reveal, revoke and cancel. */
function DecisionCard({ r, action }: { r: TopicRequestDto; action: Action }) {
  const [comment, setComment] = useState("");
  const busy = action.isPending;
  return (
    <Card className="h-fit">
      <CardHeader>
        <p className="text-sm font-semibold">Decision</p>
      </CardHeader>
      <CardBody className="space-y-3">
        {r.can.approve ? (
          <>
            <CommentBox of="decision" value={comment} onValue={setComment} />
            <div className="flex gap-2">
              <Button
                variant="primary"
                onClick={() => action.mutate({ action: "decision", decision: "approve", comment })}
                disabled={busy}
                data-testid="request-approve"
              >
                {busy ? "Working…" : "Approve and provision"}
              </Button>
              <Button
                variant="danger"
                onClick={() => action.mutate({ action: "decision", decision: "reject", comment })}
                disabled={busy}
                data-testid="request-reject"
              >
                Reject
              </Button>
            </div>
          </>
        ) : (
          <p className="text-sm text-slate-500" data-testid="decision-unavailable">
            {r.status === "PENDING"
              ? (r.can.whyNot ?? "Waiting for an approver.")
              : `This request is ${r.status.toLowerCase()}.`}
          </p>
        )}
        <RevealPassword r={r} />
        <RevokeAccess r={r} />
        {r.can.cancel ? (
          <Button
            size="sm"
            variant="ghost"
            onClick={() => action.mutate({ action: "cancel" })}
            disabled={busy}
            data-testid="request-cancel"
          >
            Cancel request
          </Button>
        ) : null}
        {action.error ? <ErrorState title="Not done" message={action.error.message} /> : null}
      </CardBody>
    </Card>
  );
}

/** One request: what was asked, its state (live), and what the user may do with it. */
export function RequestDetail({ clusterId, requestId }: { clusterId: string; requestId: string }) {
  const q = useQuery(requestDetailOptions(clusterId, requestId));
  const action = useRequestAction(clusterId, requestId);
  useLiveRequests(clusterId);
  if (q.isPending) return <Loading />;
  if (q.error) return <ErrorState title="Could not load the request" message={q.error.message} />;
  const r = q.data;
  return (
    <div className="grid gap-4 lg:grid-cols-3">
      <div className="space-y-4 lg:col-span-2">
        <SummaryCard clusterId={clusterId} r={r} />
        {r.status === "FAILED" ? (
          <ErrorState
            title={`Provisioning failed (attempt ${r.attempts})`}
            message={r.failureReason ?? "No reason recorded."}
            action={
              r.can.retry ? (
                <Button
                  size="sm"
                  onClick={() => action.mutate({ action: "retry" })}
                  disabled={action.isPending}
                  data-testid="request-retry"
                >
                  <RotateCcw className="h-3.5 w-3.5" /> Retry provisioning
                </Button>
              ) : (
                <span className="text-xs">An approver of {r.team.name} can retry it.</span>
              )
            }
          />
        ) : null}
        {r.drift ? <DriftWarning r={r} drift={r.drift} /> : null}
      </div>
      <DecisionCard r={r} action={action} />
    </div>
  );
}
