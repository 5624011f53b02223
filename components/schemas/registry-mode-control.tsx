"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Tooltip } from "@/components/ui/tooltip";
import { MutationError } from "@/components/ui/form-errors";
import { registryModeOptions, useSetRegistryModeMutation } from "@/lib/queries/schemas";
import { REGISTRY_MODES, type RegistryMode } from "@/lib/schemas/schemas";
import { Options, Select } from "@/components/ui/select";

const HINT: Record<RegistryMode, string> = {
  READWRITE: "registrations allowed",
  READONLY: "the registry refuses every registration",
  IMPORT: "for migrations: schemas keep the ids they are given",
};

/** The registry's global mode with a picker; hidden where the registry has no mode API. */
export function RegistryModeControl({ clusterId, readOnlyReason }: { clusterId: string; readOnlyReason?: string }) {
  const { data } = useQuery(registryModeOptions(clusterId));
  const [picked, setPicked] = useState<RegistryMode | "">("");
  const mutation = useSetRegistryModeMutation(clusterId);
  if (!data?.supported || !data.mode) return null;
  const value = picked || data.mode;
  const changed = picked !== "" && picked !== data.mode;
  return (
    <span className="inline-flex flex-wrap items-center gap-2" data-testid="registry-mode">
      <label htmlFor="registry-mode" className="text-sm">
        Mode
      </label>
      <Select
        id="registry-mode"
        value={value}
        onChange={(e) => setPicked(e.target.value as RegistryMode)}
        disabled={!!readOnlyReason}
        className="font-mono"
        data-testid="registry-mode-select"
      >
        <Options values={REGISTRY_MODES} />
      </Select>
      <span className={data.mode === "READONLY" ? "text-amber-700 dark:text-amber-400" : "text-slate-500"}>
        {HINT[value]}
      </span>
      {changed ? (
        <Tooltip content={readOnlyReason}>
          <Button
            size="sm"
            onClick={() => mutation.mutate(picked as RegistryMode, { onSuccess: () => setPicked("") })}
            disabled={mutation.isPending || !!readOnlyReason}
            data-testid="save-registry-mode"
          >
            {mutation.isPending ? "Saving…" : `Set ${picked}`}
          </Button>
        </Tooltip>
      ) : null}
      <MutationError action="change the mode of" topic="the registry" error={mutation.error} />
    </span>
  );
}
