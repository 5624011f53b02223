"use client";

import { useState } from "react";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import type { SchemaVersion } from "@/lib/schemas/schemas";
import { SchemaDiff } from "./schema-diff";
import { Select } from "@/components/ui/select";

function VersionSelect({
  id,
  label,
  versions,
  value,
  onChange,
}: {
  id: string;
  label: string;
  versions: SchemaVersion[];
  value: number;
  onChange: (v: number) => void;
}) {
  return (
    <label htmlFor={id} className="inline-flex items-center gap-2 text-sm">
      {label}
      <Select id={id} value={value} onChange={(e) => onChange(Number(e.target.value))} data-testid={id}>
        {versions.map((v) => (
          <option key={v.version} value={v.version}>
            v{v.version} (id {v.id}){v.deleted ? " deleted" : ""}
          </option>
        ))}
      </Select>
    </label>
  );
}

/** Pick two versions and see them side by side. */
export function VersionCompare({ versions, selected }: { versions: SchemaVersion[]; selected: number }) {
  const idx = Math.max(
    0,
    versions.findIndex((v) => v.version === selected),
  );
  const [left, setLeft] = useState<number | null>(null);
  const [right, setRight] = useState<number | null>(null);
  // The selected version against the one before it; the first version against the one after it.
  const [li, ri] = idx > 0 ? [idx - 1, idx] : [0, Math.min(1, versions.length - 1)];
  const l = versions.find((v) => v.version === left) ?? versions[li];
  const r = versions.find((v) => v.version === right) ?? versions[ri];
  if (versions.length < 2) return null;
  return (
    <Card data-testid="version-compare">
      <CardHeader className="flex-wrap items-center">
        <h2 className="text-sm font-semibold">Compare versions</h2>
        <div className="flex flex-wrap items-center gap-3">
          <VersionSelect id="compare-left" label="From" versions={versions} value={l.version} onChange={setLeft} />
          <VersionSelect id="compare-right" label="To" versions={versions} value={r.version} onChange={setRight} />
        </div>
      </CardHeader>
      <CardBody>
        <SchemaDiff
          left={l.schema}
          right={r.schema}
          leftLabel={`v${l.version} (id ${l.id})`}
          rightLabel={`v${r.version} (id ${r.id})`}
        />
      </CardBody>
    </Card>
  );
}
