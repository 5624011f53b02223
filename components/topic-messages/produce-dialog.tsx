"use client";

import { useQuery } from "@tanstack/react-query";
import { Plus, Trash2 } from "lucide-react";
import { useState } from "react";
import { Options, Select } from "@/components/ui/select";
import { MutationError, serverFieldErrors } from "@/components/ui/form-errors";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { subjectListOptions } from "@/lib/queries/schemas";
import { useProduceMutation } from "@/lib/queries/topic-messages";
import { COMPRESSIONS, PRODUCE_FORMATS, type Compression } from "@/lib/schemas/messages";

type Format = (typeof PRODUCE_FORMATS)[number];
/** Option texts that differ from the format's name. */
const FORMAT_LABELS: Partial<Record<Format, string>> = { schema: "schema registry", topic: "topic decoder" };
type Part = { format: Format; data: string; subject: string };

function PartEditor({
  id,
  label,
  part,
  onChange,
  subjects,
  errors,
  allowNull,
}: {
  id: string;
  label: string;
  part: Part;
  onChange: (p: Part) => void;
  subjects: string[];
  errors: Record<string, string>;
  allowNull: boolean;
}) {
  return (
    <fieldset className="space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        <legend className="text-sm font-medium">{label}</legend>
        <Select
          aria-label={`${label} format`}
          value={part.format}
          onChange={(e) => onChange({ ...part, format: e.target.value as Format })}
          data-testid={`produce-${id}-format`}
        >
          {PRODUCE_FORMATS.filter((f) => allowNull || f !== "null").map((f) => (
            <option key={f} value={f}>
              {FORMAT_LABELS[f] ?? f}
            </option>
          ))}
        </Select>
        {part.format === "schema" ? (
          <>
            <Input
              aria-label={`${label} subject`}
              list={`${id}-subjects`}
              value={part.subject}
              onChange={(e) => onChange({ ...part, subject: e.target.value })}
              placeholder="subject"
              className="w-72 font-mono"
              data-testid={`produce-${id}-subject`}
            />
            <datalist id={`${id}-subjects`}>
              {subjects.map((s) => (
                <option key={s} value={s} />
              ))}
            </datalist>
          </>
        ) : null}
      </div>
      {part.format !== "null" ? (
        <Field
          label={<span className="sr-only">{label} data</span>}
          htmlFor={`produce-${id}-data`}
          error={errors[`${id}.data`] ?? errors[`${id}.subject`]}
          hint={part.format === "schema" ? "JSON, encoded with the subject's latest version" : undefined}
        >
          <textarea
            id={`produce-${id}-data`}
            value={part.data}
            onChange={(e) => onChange({ ...part, data: e.target.value })}
            rows={id === "value" ? 6 : 1}
            spellCheck={false}
            className="w-full rounded-md border border-slate-300 bg-white p-2 font-mono text-xs dark:border-slate-700 dark:bg-slate-900"
            data-testid={`produce-${id}-data`}
          />
        </Field>
      ) : null}
    </fieldset>
  );
}

type Header = { key: string; value: string };

/** The record's headers: key/value rows, each removable, and a button to add one. */
function HeadersEditor({ headers, onChange }: { headers: Header[]; onChange: (headers: Header[]) => void }) {
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium">Headers</legend>
      {headers.map((h, i) => (
        <div key={i} className="flex items-center gap-2">
          <Input
            aria-label={`Header ${i + 1} key`}
            value={h.key}
            onChange={(e) => onChange(headers.map((x, j) => (j === i ? { ...x, key: e.target.value } : x)))}
            placeholder="key"
            className="w-48 font-mono"
            data-testid={`produce-header-key-${i}`}
          />
          <Input
            aria-label={`Header ${i + 1} value`}
            value={h.value}
            onChange={(e) => onChange(headers.map((x, j) => (j === i ? { ...x, value: e.target.value } : x)))}
            placeholder="value"
            className="flex-1 font-mono"
            data-testid={`produce-header-value-${i}`}
          />
          <Button
            type="button"
            size="icon"
            variant="ghost"
            onClick={() => onChange(headers.filter((_, j) => j !== i))}
            aria-label={`Remove header ${i + 1}`}
          >
            <Trash2 className="h-4 w-4" />
          </Button>
        </div>
      ))}
      <Button
        type="button"
        size="sm"
        onClick={() => onChange([...headers, { key: "", value: "" }])}
        data-testid="produce-add-header"
      >
        <Plus className="h-3.5 w-3.5" /> Add header
      </Button>
    </fieldset>
  );
}

/** Which partition the record goes to (or the partitioner's choice) and its compression. */
function DeliveryFields({
  partitions,
  partition,
  onPartition,
  compression,
  onCompression,
  error,
}: {
  partitions: number;
  partition: string;
  onPartition: (partition: string) => void;
  compression: Compression;
  onCompression: (compression: Compression) => void;
  error?: string;
}) {
  return (
    <div className="flex flex-wrap gap-4">
      <Field label="Partition" htmlFor="produce-partition" error={error}>
        <Select
          id="produce-partition"
          value={partition}
          onChange={(e) => onPartition(e.target.value)}
          data-testid="produce-partition"
        >
          <option value="">chosen by the partitioner (key hash)</option>
          {Array.from({ length: partitions }, (_, p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Compression" htmlFor="produce-compression">
        <Select
          id="produce-compression"
          value={compression}
          onChange={(e) => onCompression(e.target.value as Compression)}
          data-testid="produce-compression"
        >
          <Options values={COMPRESSIONS} />
        </Select>
      </Field>
    </div>
  );
}

/** Where the record landed. */
function ProduceResult({ partition, offset }: { partition: number; offset: string | number }) {
  return (
    <p
      role="status"
      className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800 dark:border-emerald-900 dark:bg-emerald-950/40 dark:text-emerald-300"
      data-testid="produce-result"
    >
      Written to partition {partition} at offset {offset}.
    </p>
  );
}

/** Write one test record: key, value (raw or schema-encoded), headers, partition, compression; shows where it landed. */
export function ProduceDialog({
  clusterId,
  topic,
  partitions,
  hasRegistry,
  onClose,
}: {
  clusterId: string;
  topic: string;
  partitions: number;
  hasRegistry: boolean;
  onClose: () => void;
}) {
  const mutation = useProduceMutation(clusterId, topic);
  const subjects = useQuery({ ...subjectListOptions(clusterId, {}), enabled: hasRegistry });
  const subjectNames = subjects.data?.items.map((s) => s.subject) ?? [];
  const [key, setKey] = useState<Part>({ format: "string", data: "", subject: `${topic}-key` });
  const [value, setValue] = useState<Part>({
    format: "json",
    data: '{\n  "hello": "world"\n}',
    subject: `${topic}-value`,
  });
  const [headers, setHeaders] = useState<Header[]>([]);
  const [partition, setPartition] = useState<string>("");
  const [compression, setCompression] = useState<Compression>("none");
  const errors = serverFieldErrors(mutation.error);
  const toBody = (p: Part) => ({
    format: p.format,
    data: p.data,
    ...(p.format === "schema" ? { subject: p.subject } : {}),
  });
  const submit = () =>
    mutation.mutate({
      key: key.format === "string" && key.data === "" ? { format: "null", data: "" } : toBody(key),
      value: toBody(value),
      headers: headers.filter((h) => h.key !== ""),
      partition: partition === "" ? null : Number(partition),
      compression,
    });
  return (
    <Dialog
      onClose={onClose}
      size="lg"
      title={`Produce to ${topic}`}
      description="Writes one record through Sluice's producer (acks=all). Audited."
      testId="produce-dialog"
      footer={
        <>
          <Button onClick={onClose}>Close</Button>
          <Button variant="primary" onClick={submit} disabled={mutation.isPending} data-testid="produce-submit">
            {mutation.isPending ? "Producing…" : "Produce"}
          </Button>
        </>
      }
    >
      <form
        className="space-y-4"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <MutationError action="produce to" topic={topic} error={mutation.error} testId="produce-error" />
        {mutation.data ? <ProduceResult partition={mutation.data.partition} offset={mutation.data.offset} /> : null}
        <PartEditor
          id="key"
          label="Key"
          part={key}
          onChange={setKey}
          subjects={subjectNames}
          errors={errors}
          allowNull
        />
        <PartEditor
          id="value"
          label="Value"
          part={value}
          onChange={setValue}
          subjects={subjectNames}
          errors={errors}
          allowNull
        />
        <HeadersEditor headers={headers} onChange={setHeaders} />
        <DeliveryFields
          partitions={partitions}
          partition={partition}
          onPartition={setPartition}
          compression={compression}
          onCompression={setCompression}
          error={errors.partition}
        />
      </form>
    </Dialog>
  );
}
