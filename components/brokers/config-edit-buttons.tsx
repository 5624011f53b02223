"use client";

import { Button } from "@/components/ui/button";

/** What the broker config dialog opens with: a config, its value to start from, and set or reset. */
export type ConfigEdit = { key: string; value: string; op?: "set" | "reset" };

/**
 * "Edit" (the dialog starts from the current value; a sensitive one is never shown, so it starts empty) and, where
 * the config can be reset, "Reset".
 */
export function ConfigEditButtons({
  entry,
  canReset,
  onEdit,
  editTestId,
  resetTestId,
}: {
  entry: { name: string; value: string | null; isSensitive: boolean };
  canReset: boolean;
  onEdit: (edit: ConfigEdit) => void;
  editTestId?: string;
  resetTestId: string;
}) {
  return (
    <>
      <Button
        size="sm"
        variant="ghost"
        onClick={() => onEdit({ key: entry.name, value: entry.isSensitive ? "" : (entry.value ?? "") })}
        data-testid={editTestId}
      >
        Edit
      </Button>
      {canReset ? (
        <Button
          size="sm"
          variant="ghost"
          onClick={() => onEdit({ key: entry.name, value: "", op: "reset" })}
          data-testid={resetTestId}
        >
          Reset
        </Button>
      ) : null}
    </>
  );
}
