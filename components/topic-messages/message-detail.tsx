"use client";

import { useQuery } from "@tanstack/react-query";
import { Copy, X } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { fullMessageOptions } from "@/lib/queries/topic-messages";
import type { DecodedField, Message } from "@/lib/schemas/messages";
import { Time, TimeZoneLabel } from "@/components/ui/time-zone";
import { formatBytes } from "./message-table";

/** Pretty JSON when the text is JSON (the browser validates what the server labelled by shape), else as is. */
function pretty(field: DecodedField): string {
  if (field.text === null) return "null";
  if (
    !field.truncated &&
    (field.encoding === "json" ||
      field.encoding === "avro" ||
      field.encoding === "protobuf" ||
      field.encoding === "json-schema" ||
      field.encoding === "msgpack")
  ) {
    try {
      return JSON.stringify(JSON.parse(field.text), null, 2);
    } catch {
      return field.text;
    }
  }
  return field.text;
}

function Payload({
  label,
  field,
  full,
  onLoadFull,
  loading,
  testId,
}: {
  label: string;
  field: DecodedField;
  full?: DecodedField;
  onLoadFull: () => void;
  loading: boolean;
  testId: string;
}) {
  const shown = full ?? field;
  const [copied, setCopied] = useState(false);
  const text = pretty(shown);
  return (
    <section className="space-y-1.5" data-testid={testId}>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <h3 className="font-semibold">{label}</h3>
        <span
          className="rounded bg-slate-100 px-1.5 text-xs uppercase text-slate-600 dark:bg-slate-800 dark:text-slate-300"
          data-testid={`${testId}-encoding`}
        >
          {shown.encoding}
        </span>
        {shown.schemaId !== undefined ? (
          <span className="text-xs text-slate-500">schema id {shown.schemaId}</span>
        ) : null}
        {shown.decoder ? (
          <span className="text-xs text-slate-500" data-testid={`${testId}-decoder`}>
            decoded as {shown.decoder}
          </span>
        ) : null}
        <span className="text-xs text-slate-500">{formatBytes(shown.size)}</span>
        {shown.masked ? (
          <span className="rounded bg-amber-100 px-1.5 text-xs text-amber-800 dark:bg-amber-950 dark:text-amber-300">
            masked
          </span>
        ) : null}
        <Button
          size="sm"
          variant="ghost"
          className="ml-auto"
          onClick={() => {
            void navigator.clipboard?.writeText(text).then(() => setCopied(true));
          }}
          aria-label={`Copy ${label.toLowerCase()}`}
        >
          <Copy className="h-3.5 w-3.5" /> {copied ? "Copied" : "Copy"}
        </Button>
      </div>
      {shown.error ? (
        <p
          className="rounded border border-amber-200 bg-amber-50 px-2 py-1 text-xs text-amber-800 dark:border-amber-900 dark:bg-amber-950/40 dark:text-amber-300"
          data-testid={`${testId}-error`}
        >
          {shown.masked ? "Hidden by masking" : `Shown as raw bytes (${shown.encoding})`}: {shown.error}
        </p>
      ) : null}
      <pre
        className="max-h-80 overflow-auto whitespace-pre-wrap break-all rounded-md border border-slate-200 bg-slate-50 p-2 font-mono text-xs dark:border-slate-800 dark:bg-slate-900"
        data-testid={`${testId}-text`}
      >
        {text}
      </pre>
      {shown.truncated ? (
        <div className="flex items-center gap-2 text-xs text-slate-500">
          Showing the first {formatBytes(shown.text?.length ?? 0)} of {formatBytes(shown.size)}.
          <Button size="sm" onClick={onLoadFull} disabled={loading} data-testid={`${testId}-load-full`}>
            {loading ? "Loading…" : "Load the full value"}
          </Button>
        </div>
      ) : null}
    </section>
  );
}

/** One record: metadata, headers, key and value (full payload on demand), copyable. */
export function MessageDetail({
  clusterId,
  topic,
  message,
  formats,
  onClose,
}: {
  clusterId: string;
  topic: string;
  message: Message;
  formats: { keyFormat: string; valueFormat: string };
  onClose: () => void;
}) {
  const [wantFull, setWantFull] = useState(false);
  const full = useQuery({
    ...fullMessageOptions(clusterId, topic, message.partition, message.offset, formats),
    enabled: wantFull,
  });
  return (
    <aside
      className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-950"
      data-testid="message-detail"
      aria-label="Record detail"
    >
      <div className="flex items-start gap-3">
        <dl className="grid flex-1 grid-cols-2 gap-x-6 gap-y-1 text-sm sm:grid-cols-4">
          <div>
            <dt className="text-xs text-slate-500">Partition / offset</dt>
            <dd className="font-mono" data-testid="message-detail-position">
              {message.partition} / {message.offset}
            </dd>
          </div>
          <div>
            <dt className="text-xs text-slate-500">Timestamp ({message.timestampType})</dt>
            <dd className="font-mono text-xs">
              <Time t={message.timestamp} millis /> <TimeZoneLabel />
            </dd>
          </div>
          <div>
            <dt className="text-xs text-slate-500">Size</dt>
            <dd>{formatBytes(message.size)}</dd>
          </div>
          <div>
            <dt className="text-xs text-slate-500">Compression</dt>
            <dd>{message.compression}</dd>
          </div>
        </dl>
        <Button size="icon" variant="ghost" onClick={onClose} aria-label="Close the record">
          <X className="h-4 w-4" />
        </Button>
      </div>
      {full.error ? <p className="text-sm text-red-600">Could not load the full record: {full.error.message}</p> : null}
      <Payload
        label="Key"
        field={message.key}
        full={full.data?.message.key}
        onLoadFull={() => setWantFull(true)}
        loading={full.isFetching}
        testId="message-detail-key"
      />
      <Payload
        label="Value"
        field={message.value}
        full={full.data?.message.value}
        onLoadFull={() => setWantFull(true)}
        loading={full.isFetching}
        testId="message-detail-value"
      />
      <section className="space-y-1.5">
        <h3 className="text-sm font-semibold">Headers ({message.headers.length})</h3>
        {message.headers.length ? (
          <table className="w-full text-left text-xs" data-testid="message-detail-headers">
            <tbody>
              {message.headers.map((h, i) => (
                <tr key={`${h.key}-${i}`} className="border-t border-slate-100 dark:border-slate-800">
                  <td className="py-1 pr-4 font-mono font-medium">{h.key}</td>
                  <td className="break-all py-1 font-mono">
                    {h.value ?? <span className="text-slate-400">null</span>}
                    {h.binary ? <span className="ml-2 text-slate-400">(base64)</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="text-xs text-slate-500">No headers.</p>
        )}
      </section>
    </aside>
  );
}
