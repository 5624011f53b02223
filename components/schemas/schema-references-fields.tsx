"use client";

import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";

/** One reference as typed: the version stays text until the body is built. */
export type ReferenceDraft = { name: string; subject: string; version: string };

/**
 * Types a schema imports from other subjects: one row of name, subject and version each. Changing or removing a row
 * calls onEdited (the verdict no longer holds); adding an empty row does not, as an empty row is not sent.
 */
export function SchemaReferencesFields({
  references,
  onChange,
  onEdited,
}: {
  references: ReferenceDraft[];
  onChange: (next: ReferenceDraft[]) => void;
  onEdited: () => void;
}) {
  const edit = (next: ReferenceDraft[]) => {
    onChange(next);
    onEdited();
  };
  const setRef = (i: number, patch: Partial<ReferenceDraft>) =>
    edit(references.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium">References</legend>
      <p className="text-xs text-slate-500">
        Types this schema imports from other subjects: the name used in the schema (Avro full name, Protobuf import
        path, JSON $ref), the subject and its version.
      </p>
      {references.map((r, i) => (
        <div key={i} className="flex items-center gap-2">
          <Input
            aria-label={`Reference ${i + 1} name`}
            value={r.name}
            onChange={(e) => setRef(i, { name: e.target.value })}
            placeholder="name"
            className="flex-1 font-mono"
            data-testid={`reference-name-${i}`}
          />
          <Input
            aria-label={`Reference ${i + 1} subject`}
            value={r.subject}
            onChange={(e) => setRef(i, { subject: e.target.value })}
            placeholder="subject"
            className="flex-1 font-mono"
            data-testid={`reference-subject-${i}`}
          />
          <Input
            aria-label={`Reference ${i + 1} version`}
            value={r.version}
            onChange={(e) => setRef(i, { version: e.target.value })}
            placeholder="version"
            inputMode="numeric"
            className="w-20 font-mono"
            data-testid={`reference-version-${i}`}
          />
          <Button
            type="button"
            size="sm"
            variant="ghost"
            onClick={() => edit(references.filter((_, j) => j !== i))}
            aria-label={`Remove reference ${i + 1}`}
          >
            Remove
          </Button>
        </div>
      ))}
      <Button
        type="button"
        size="sm"
        onClick={() => onChange([...references, { name: "", subject: "", version: "1" }])}
        data-testid="add-reference"
      >
        Add a reference
      </Button>
    </fieldset>
  );
}
