"use client";

import { useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { useCreateAclMutation, type AclFilterQuery } from "@/lib/queries/acls";
import {
  ACL_OPERATIONS,
  ACL_PATTERN_TYPES,
  ACL_PERMISSIONS,
  ACL_RESOURCE_TYPES,
  type AclBinding,
  type AclCreateResponse,
} from "@/lib/schemas/access";
import { PreviewFooter } from "./preview-footer";

/** Create one binding: the form, then the server's preview of exactly what will be created, then create. */
export function CreateAclDialog({
  clusterId,
  initial,
  onClose,
}: {
  clusterId: string;
  initial?: AclFilterQuery;
  onClose: () => void;
}) {
  const [b, setB] = useState<AclBinding>({
    principal: initial?.principal ?? "User:",
    host: "*",
    resourceType: (initial?.resourceType as AclBinding["resourceType"]) ?? "TOPIC",
    resourceName: initial?.resourceName ?? "",
    patternType: initial?.patternType === "PREFIXED" ? "PREFIXED" : "LITERAL",
    operation: "READ",
    permission: "ALLOW",
  });
  const [preview, setPreview] = useState<AclCreateResponse | null>(null);
  const [done, setDone] = useState<AclCreateResponse | null>(null);
  const mutation = useCreateAclMutation(clusterId);
  const set = (k: keyof AclBinding) => (e: { target: { value: string } }) => {
    setPreview(null);
    setB((x) => ({ ...x, [k]: e.target.value }));
  };
  return (
    <Dialog
      onClose={onClose}
      title="Create an ACL binding"
      description="Previewed by the server first: you see exactly the binding that will be written."
      testId="create-acl-dialog"
      footer={
        <PreviewFooter done={!!done} onClose={onClose}>
          {preview ? (
            <Button
              variant="primary"
              disabled={mutation.isPending}
              data-testid="acl-create-confirm"
              onClick={() => mutation.mutate({ binding: b, dryRun: false }, { onSuccess: setDone })}
            >
              {preview.created ? "Create binding" : "Nothing to create"}
            </Button>
          ) : (
            <Button
              variant="primary"
              disabled={mutation.isPending}
              data-testid="acl-create-preview"
              onClick={() => mutation.mutate({ binding: b, dryRun: true }, { onSuccess: setPreview })}
            >
              Preview
            </Button>
          )}
        </PreviewFooter>
      }
    >
      <AclBindingFields binding={b} set={set} />
      {mutation.error ? (
        <p role="alert" className="mt-3 text-sm text-red-700" data-testid="acl-create-error">
          {mutation.error.message}
        </p>
      ) : null}
      {preview && !done ? <PreviewResult preview={preview} /> : null}
      {done ? (
        <p className="mt-4 text-sm text-emerald-700" data-testid="acl-create-done">
          {done.created ? "Created." : "Already present; nothing changed."}
        </p>
      ) : null}
    </Dialog>
  );
}

const field = (label: string, node: ReactNode) => (
  <label className="flex flex-col gap-1 text-xs text-slate-500">
    {label}
    {node}
  </label>
);
const opts = (values: readonly string[]) => values.map((v) => <option key={v}>{v}</option>);

function AclBindingFields({
  binding: b,
  set,
}: {
  binding: AclBinding;
  set: (k: keyof AclBinding) => (e: { target: { value: string } }) => void;
}) {
  return (
    <div className="grid grid-cols-2 gap-3">
      {field("Principal", <Input value={b.principal} onChange={set("principal")} data-testid="acl-form-principal" />)}
      {field("Host", <Input value={b.host} onChange={set("host")} data-testid="acl-form-host" />)}
      {field(
        "Resource type",
        <Select value={b.resourceType} onChange={set("resourceType")} data-testid="acl-form-resourceType">
          {opts(ACL_RESOURCE_TYPES)}
        </Select>,
      )}
      {field(
        "Resource name",
        <Input
          value={b.resourceName}
          onChange={set("resourceName")}
          placeholder="orders. or * for every name"
          data-testid="acl-form-resourceName"
        />,
      )}
      {field(
        "Pattern",
        <Select value={b.patternType} onChange={set("patternType")} data-testid="acl-form-patternType">
          {opts(ACL_PATTERN_TYPES)}
        </Select>,
      )}
      {field(
        "Operation",
        <Select value={b.operation} onChange={set("operation")} data-testid="acl-form-operation">
          {opts(ACL_OPERATIONS)}
        </Select>,
      )}
      {field(
        "Permission",
        <Select value={b.permission} onChange={set("permission")} data-testid="acl-form-permission">
          {opts(ACL_PERMISSIONS)}
        </Select>,
      )}
    </div>
  );
}

/** The server's dry run: the binding exactly as it will be written (or that it exists already). */
function PreviewResult({ preview }: { preview: AclCreateResponse }) {
  return (
    <div
      className="mt-4 rounded-md border border-slate-200 p-3 text-sm dark:border-slate-700"
      data-testid="acl-create-preview-result"
    >
      {preview.created ? "Will create:" : "This binding exists already; nothing will be created:"}
      <pre className="mt-2 whitespace-pre-wrap font-mono text-xs">{`${preview.binding.permission} ${preview.binding.principal} from ${preview.binding.host}\n${preview.binding.operation} on ${preview.binding.resourceType} ${preview.binding.patternType} "${preview.binding.resourceName}"`}</pre>
    </div>
  );
}
