"use client";

import { useState } from "react";
import { Blocked } from "@/components/ui/blocked";
import { BusyButton } from "@/components/ui/form-dialog-footer";
import { MutationError } from "@/components/ui/form-errors";
import { useSetCompatibilityMutation } from "@/lib/queries/schemas";
import { COMPATIBILITY_LEVELS, type CompatibilityLevel } from "@/lib/schemas/schemas";
import { Options, Select } from "@/components/ui/select";

/** Picks and saves a compatibility level for a subject (or, subject = null, the registry's global level). */
export function CompatibilitySelect({
  clusterId,
  subject,
  current,
  readOnlyReason,
}: {
  clusterId: string;
  subject: string | null;
  current: CompatibilityLevel | null;
  readOnlyReason?: string;
}) {
  const [picked, setPicked] = useState<CompatibilityLevel | "">("");
  const mutation = useSetCompatibilityMutation(clusterId, subject);
  const value = picked || current || "";
  const changed = picked !== "" && picked !== current;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor="compatibility-level" className="text-sm font-medium">
          Compatibility
        </label>
        <Select
          id="compatibility-level"
          value={value}
          onChange={(e) => setPicked(e.target.value as CompatibilityLevel)}
          disabled={!!readOnlyReason}
          data-testid="compatibility-select"
          className="font-mono"
        >
          {current === null ? <option value="">unknown</option> : null}
          <Options values={COMPATIBILITY_LEVELS} />
        </Select>
        <Blocked reason={readOnlyReason}>
          <BusyButton
            size="sm"
            onClick={() => picked && mutation.mutate(picked, { onSuccess: () => setPicked("") })}
            disabled={!changed || mutation.isPending || !!readOnlyReason}
            busy={mutation.isPending}
            busyLabel="Saving…"
            data-testid="save-compatibility-button"
          >
            Save
          </BusyButton>
        </Blocked>
      </div>
      <MutationError
        action="change the compatibility level of"
        topic={subject ?? "the registry"}
        error={mutation.error}
      />
    </div>
  );
}
