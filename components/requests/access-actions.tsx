"use client";

import { KeyRound, ShieldOff } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorState } from "@/components/ui/states";
import { useCollectCredential, useRevokeAccess } from "@/lib/queries/requests";
import type {
  AccessSpec,
  ConnectorSpec,
  CredentialSpec,
  QuotaSpec,
  RevokeSpec,
  TopicRequestDto,
} from "@/lib/schemas/requests";
import { CommentBox } from "./comment-box";

/** What an access, credential, quota or revoke request asks for, one line each. */
export function accessSpecLines(r: TopicRequestDto): string[] {
  if (r.kind === "access") {
    const s = r.spec as AccessSpec;
    return [
      `${s.principal} may ${s.operations.join(", ")} ${s.resource.patternType === "PREFIXED" ? `topics with prefix ${s.resource.name}` : `topic ${s.resource.name}`}`,
      ...(s.group ? [`consuming as group ${s.group.name}`] : []),
      ...s.bindings.map(
        (b) =>
          `ACL: ${b.permission} ${b.operation} ${b.resourceType} ${b.patternType === "PREFIXED" ? `${b.resourceName}*` : b.resourceName}`,
      ),
    ];
  }
  if (r.kind === "credential") {
    const s = r.spec as CredentialSpec;
    return [`${s.action === "create" ? "new" : "rotated"} ${s.mechanism} credential for ${s.principal}`];
  }
  if (r.kind === "connector") {
    const s = r.spec as ConnectorSpec;
    return [
      `connector ${s.name} on Kafka Connect ${s.connectId}`,
      ...Object.entries(s.config).map(([k, v]) => `${k} = ${v}`),
    ];
  }
  if (r.kind === "quota") {
    return Object.entries((r.spec as QuotaSpec).values).map(
      ([k, v]) => `${k} = ${v} for ${(r.spec as QuotaSpec).principal}`,
    );
  }
  const s = r.spec as RevokeSpec;
  return [
    `remove ${s.bindings.length} binding${s.bindings.length === 1 ? "" : "s"} of ${r.principal}`,
    ...s.bindings.map((b) => `ACL: ${b.permission} ${b.operation} ${b.resourceType} ${b.resourceName}`),
  ];
}

/** Revoking a provisioned access (its owner's approver or an admin), with the reason. */
export function RevokeAccess({ r }: { r: TopicRequestDto }) {
  const revoke = useRevokeAccess(r.clusterId, r.id);
  const [comment, setComment] = useState("");
  if (r.revokedAt) {
    return (
      <p className="text-sm text-slate-500" data-testid="request-revoked">
        This access was revoked.
      </p>
    );
  }
  if (!r.can.revoke) return null;
  return (
    <div className="space-y-2 border-t border-slate-200 pt-3 dark:border-slate-700">
      <CommentBox of="revoke" value={comment} onValue={setComment} />
      <Button
        variant="danger"
        size="sm"
        onClick={() => revoke.mutate(comment)}
        disabled={revoke.isPending || comment.trim().length < 3}
        data-testid="request-revoke"
      >
        <ShieldOff className="h-3.5 w-3.5" /> {revoke.isPending ? "Revoking…" : "Revoke access"}
      </Button>
      {revoke.error ? <ErrorState title="Not revoked" message={revoke.error.message} /> : null}
    </div>
  );
}

/** A provisioned credential's password, revealed once to its requester and kept only in this page's memory. */
export function RevealPassword({ r }: { r: TopicRequestDto }) {
  const collect = useCollectCredential(r.clusterId, r.id);
  if (r.kind !== "credential" || r.status !== "PROVISIONED") return null;
  if (collect.data) {
    return (
      <div
        className="space-y-1 rounded-md border border-emerald-300 bg-emerald-50 p-3 text-sm dark:border-emerald-800 dark:bg-emerald-950/40"
        data-testid="credential-secret"
      >
        <p className="font-medium">
          Password for {collect.data.user} ({collect.data.mechanism}); shown this once:
        </p>
        <code
          className="block select-all break-all rounded bg-white px-2 py-1 font-mono dark:bg-slate-900"
          data-testid="credential-password"
        >
          {collect.data.password}
        </code>
        <p className="text-xs text-slate-600 dark:text-slate-400">
          Store it in your secret manager now. Sluice does not keep it; request a rotation if it is lost.
        </p>
      </div>
    );
  }
  if (!r.can.collectSecret) {
    return (
      <p className="text-sm text-slate-500">
        {r.secretIssuedAt
          ? "The password was shown once to the requester."
          : `The password is shown once to ${r.requester.name}.`}
      </p>
    );
  }
  return (
    <div className="space-y-2">
      <Button
        variant="primary"
        size="sm"
        onClick={() => collect.mutate()}
        disabled={collect.isPending}
        data-testid="credential-reveal"
      >
        <KeyRound className="h-3.5 w-3.5" /> Reveal the password (once)
      </Button>
      {collect.error ? <ErrorState title="Not shown" message={collect.error.message} /> : null}
    </div>
  );
}
