"use client";

import { useMutation } from "@tanstack/react-query";
import { Upload } from "lucide-react";
import { useState } from "react";
import { MutationError } from "@/components/ui/form-errors";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { ApiClientError, fetchJson } from "@/lib/api/client";
import { IMPORT_MAX_BYTES, ImportResultSchema, type ImportResult } from "@/lib/schemas/import";

type Format = "jsonl" | "tsv";
const check = "flex items-center gap-1.5";
type Body = { jsonl: string; keepTimestamps: boolean; keepPartition: boolean; skipInvalid: boolean };

/** key<TAB>value lines → the export's JSON Lines (a line without a tab is a value without a key). */
export function textLinesToJsonl(text: string): string {
  return text
    .split("\n")
    .map((l) => l.replace(/\r$/, ""))
    .map((l) => {
      if (l.trim() === "") return "";
      const tab = l.indexOf("\t");
      const key = tab < 0 ? null : l.slice(0, tab);
      const value = tab < 0 ? l : l.slice(tab + 1);
      return JSON.stringify({
        key: key === null ? { encoding: "null", text: null } : { encoding: "string", text: key },
        value: { encoding: "string", text: value },
        headers: [],
      });
    })
    .join("\n");
}

/** The bad lines, and whether they stop the import or are skipped. */
function LineErrors({ skipInvalid, lines }: { skipInvalid: boolean; lines: { line: string; message: string }[] }) {
  return (
    <div
      className="max-h-48 overflow-auto rounded-md border border-red-200 bg-red-50 p-2 dark:border-red-900 dark:bg-red-950/40"
      data-testid="import-line-errors"
    >
      <p className="mb-1 font-medium text-red-800 dark:text-red-300">
        {skipInvalid ? "These lines will be skipped:" : "Nothing is written while these lines are bad:"}
      </p>
      <ul className="space-y-0.5 font-mono text-xs">
        {lines.map((e) => (
          <li key={e.line}>
            {e.line}: {e.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The dialog's state: the file and options, the dry run and the write, and whether writing may go. */
function useImportForm(clusterId: string, topic: string) {
  const [format, setFormat] = useState<Format>("jsonl");
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [keepTimestamps, setKeepTimestamps] = useState(false);
  const [keepPartition, setKeepPartition] = useState(false);
  const url = (dryRun: boolean) =>
    `/api/clusters/${encodeURIComponent(clusterId)}/topics/${encodeURIComponent(topic)}/import${dryRun ? "?dryRun=true" : ""}`;
  const run = (dryRun: boolean) => (body: Body) =>
    fetchJson(url(dryRun), ImportResultSchema, { method: "POST", body: JSON.stringify(body) });
  const validate = useMutation({ mutationFn: run(true) });
  const write = useMutation({ mutationFn: run(false) });
  const body = (): Body => ({
    jsonl: format === "tsv" ? textLinesToJsonl(file!.text) : file!.text,
    keepTimestamps,
    keepPartition,
    skipInvalid,
  });
  const reset = () => {
    validate.reset();
    write.reset();
  };
  const pickFormat = (f: Format) => {
    setFormat(f);
    reset();
  };
  const pickFile = async (f: File | undefined) => {
    reset();
    if (!f) return;
    if (f.size > IMPORT_MAX_BYTES) {
      setFile(null);
      setFileError(`The file is larger than ${IMPORT_MAX_BYTES / 1024 / 1024} MiB.`);
      return;
    }
    setFileError(null);
    setFile({ name: f.name, text: await f.text() });
  };
  const invalid = lineErrors(validate.error);
  const checked: ImportResult | undefined = validate.data;
  const canWrite = !!file && (checked ? checked.errors.length === 0 || skipInvalid : invalid.length > 0 && skipInvalid);
  return {
    format,
    file,
    fileError,
    skipInvalid,
    keepTimestamps,
    keepPartition,
    invalid,
    checked,
    canWrite,
    setSkipInvalid,
    setKeepTimestamps,
    setKeepPartition,
    pickFormat,
    pickFile,
    validate: { mutation: validate, run: () => validate.mutate(body()) },
    write: { mutation: write, run: () => write.mutate(body()) },
  };
}

const lineErrors = (e: unknown) =>
  e instanceof ApiClientError ? e.details.filter((d) => d.path.startsWith("line ")) : [];

/** What the dry run found and what the write did. */
function ImportOutcome({ form, topic }: { form: ReturnType<typeof useImportForm>; topic: string }) {
  const { checked, invalid, skipInvalid, file } = form;
  const write = form.write.mutation;
  const done: ImportResult | undefined = write.data;
  return (
    <>
      {checked ? (
        <p data-testid="import-validated">
          {checked.lines} lines: {checked.valid} valid{checked.errors.length ? `, ${checked.errors.length} bad` : ""}.
        </p>
      ) : null}
      {invalid.length || checked?.errors.length ? (
        <LineErrors
          skipInvalid={skipInvalid}
          lines={
            invalid.length
              ? invalid.map((d) => ({ line: d.path, message: d.issue }))
              : checked!.errors.map((e) => ({ line: `line ${e.line}`, message: e.message }))
          }
        />
      ) : null}
      {write.isPending ? <p data-testid="import-progress">Writing {file?.name}…</p> : null}
      {done ? (
        <p className="text-emerald-700" data-testid="import-result">
          Imported {done.written} of {done.lines} lines
          {done.errors.length
            ? `; ${done.errors.length} bad lines skipped (${done.errors.map((e) => e.line).join(", ")})`
            : ""}
          .
        </p>
      ) : null}
      <MutationError
        action="Validating the file"
        topic={topic}
        error={invalid.length ? null : form.validate.mutation.error}
        testId="import-validate-error"
      />
      <MutationError
        action="Importing"
        topic={topic}
        error={lineErrors(write.error).length ? null : write.error}
        testId="import-error"
      />
    </>
  );
}

/** Loads a file into the topic: validated first (line-numbered errors), then written; bad lines optionally skipped. */
export function ImportDialog({ clusterId, topic, onClose }: { clusterId: string; topic: string; onClose: () => void }) {
  const form = useImportForm(clusterId, topic);
  const validate = form.validate.mutation;
  const write = form.write.mutation;
  return (
    <Dialog
      onClose={onClose}
      size="lg"
      testId="import-dialog"
      title={`Import records into ${topic}`}
      description="A JSON Lines file as Sluice's export writes it, or key⇥value text lines. Every line is checked before anything is written."
      footer={
        <>
          <Button
            onClick={form.validate.run}
            disabled={!form.file || validate.isPending || write.isPending}
            data-testid="import-validate"
          >
            {validate.isPending ? "Validating…" : "Validate"}
          </Button>
          <Button
            variant="primary"
            onClick={form.write.run}
            disabled={!form.canWrite || write.isPending || !!write.data}
            data-testid="import-write"
          >
            {write.isPending ? "Writing…" : "Import"}
          </Button>
        </>
      }
    >
      <div className="space-y-3 text-sm">
        <div className="flex flex-wrap items-end gap-3">
          <Field label="File format" htmlFor="import-format">
            <Select
              id="import-format"
              value={form.format}
              onChange={(e) => form.pickFormat(e.target.value as Format)}
              data-testid="import-format"
            >
              <option value="jsonl">JSON Lines (Sluice export)</option>
              <option value="tsv">key⇥value text lines</option>
            </Select>
          </Field>
          <Field label="File" htmlFor="import-file">
            <input
              id="import-file"
              type="file"
              data-testid="import-file"
              onChange={(e) => form.pickFile(e.target.files?.[0])}
            />
          </Field>
        </div>
        {form.fileError ? <p className="text-red-600">{form.fileError}</p> : null}
        <div className="flex flex-wrap gap-4">
          <Checkbox
            className={check}
            checked={form.skipInvalid}
            onChange={form.setSkipInvalid}
            testId="import-skip-invalid"
          >
            Skip bad lines (they are listed)
          </Checkbox>
          <Checkbox className={check} checked={form.keepTimestamps} onChange={form.setKeepTimestamps}>
            Keep timestamps
          </Checkbox>
          <Checkbox className={check} checked={form.keepPartition} onChange={form.setKeepPartition}>
            Keep partitions
          </Checkbox>
        </div>
        <ImportOutcome form={form} topic={topic} />
      </div>
    </Dialog>
  );
}

export function ImportButton({ clusterId, topic, disabled }: { clusterId: string; topic: string; disabled?: boolean }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        size="sm"
        onClick={() => setOpen(true)}
        disabled={disabled}
        data-testid="import-button"
        className="mb-1.5"
      >
        <Upload className="h-3.5 w-3.5" /> Import…
      </Button>
      {open ? <ImportDialog clusterId={clusterId} topic={topic} onClose={() => setOpen(false)} /> : null}
    </>
  );
}
