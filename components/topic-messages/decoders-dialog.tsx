"use client";

import { Binary } from "lucide-react";
import { useState } from "react";
import { MutationError } from "@/components/ui/form-errors";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Options, Select } from "@/components/ui/select";
import { useSetTopicDecodersMutation, useTopicDecoders } from "@/lib/queries/topic-decoders";
import {
  DECODER_KINDS,
  DECODER_UPLOAD_MAX_BYTES,
  type DecoderKind,
  type DecoderSideInput,
  type DecoderSideView,
} from "@/lib/schemas/topic-decoders";

const KIND_LABEL: Record<DecoderKind, string> = {
  registry: "Automatic (schema registry, Apicurio headers, JSON, text)",
  protobuf: "Protobuf (descriptor set or .proto files)",
  avro: "Avro (schema file)",
  msgpack: "MessagePack",
  int: "int (Kafka IntegerSerializer)",
  long: "long (LongSerializer)",
  short: "short (ShortSerializer)",
  float: "float (FloatSerializer)",
  double: "double (DoubleSerializer)",
  uuid: "UUID (UUIDSerializer)",
  string: "string with a charset (StringSerializer)",
  json: "JSON",
  text: "text (UTF-8)",
  bytes: "bytes (hex)",
};

type Upload = {
  descriptorSet?: string;
  protoFiles?: { name: string; content: string }[];
  avroSchema?: string;
  fileName?: string;
};

async function readUpload(files: FileList, kind: DecoderKind): Promise<Upload | string> {
  const list = [...files];
  if (list.reduce((n, f) => n + f.size, 0) > DECODER_UPLOAD_MAX_BYTES) {
    return `The files are larger than ${DECODER_UPLOAD_MAX_BYTES / 1024} KiB.`;
  }
  if (kind === "avro") return { avroSchema: await list[0].text(), fileName: list[0].name };
  if (list.every((f) => f.name.endsWith(".proto"))) {
    return { protoFiles: await Promise.all(list.map(async (f) => ({ name: f.name, content: await f.text() }))) };
  }
  const bytes = new Uint8Array(await list[0].arrayBuffer());
  let bin = "";
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { descriptorSet: btoa(bin), fileName: list[0].name };
}

/** The schema file (Avro) or the descriptor set or .proto files (Protobuf), read in the browser. */
function UploadField({
  id,
  kind,
  onUpload,
}: {
  id: string;
  kind: "protobuf" | "avro";
  onUpload: (u: Upload | string) => void;
}) {
  return (
    <Field
      label={kind === "avro" ? "Schema file (.avsc)" : "FileDescriptorSet (.pb, .desc) or .proto files"}
      htmlFor={`${id}-file`}
    >
      <input
        id={`${id}-file`}
        type="file"
        multiple={kind === "protobuf"}
        data-testid={`${id}-file`}
        className="text-sm"
        onChange={async (e) => {
          if (!e.target.files?.length) return;
          onUpload(await readUpload(e.target.files, kind));
        }}
      />
    </Field>
  );
}

/** The Protobuf message type, with the types the stored descriptors define as suggestions. */
function MessageTypeField({
  id,
  value,
  known,
  onChange,
}: {
  id: string;
  value: string;
  known: string[];
  onChange: (messageType: string) => void;
}) {
  return (
    <Field label="Message type (fully qualified)" htmlFor={`${id}-type`}>
      <Input
        id={`${id}-type`}
        list={`${id}-types`}
        value={value}
        placeholder="shop.v1.Order"
        className="w-72 font-mono"
        data-testid={`${id}-type`}
        onChange={(e) => onChange(e.target.value)}
      />
      <datalist id={`${id}-types`}>
        {known.map((t) => (
          <option key={t} value={t} />
        ))}
      </datalist>
    </Field>
  );
}

function SideEditor({
  side,
  current,
  onChange,
}: {
  side: "key" | "value";
  current: DecoderSideView;
  onChange: (v: DecoderSideInput | null, error?: string) => void;
}) {
  const [kind, setKind] = useState<DecoderKind>(current.kind);
  const [charset, setCharset] = useState(current.charset ?? "UTF-8");
  const [messageType, setMessageType] = useState(current.messageType ?? "");
  const [upload, setUpload] = useState<Upload | null>(null);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const emit = (k: DecoderKind, c: string, m: string, u: Upload | null) => {
    if (k === "string") onChange({ kind: k, charset: c });
    else if (k === "protobuf") onChange({ kind: k, messageType: m, ...(u ?? {}) });
    else if (k === "avro") onChange({ kind: k, ...(u ?? {}) });
    else onChange({ kind: k });
  };
  const id = `decoder-${side}`;
  return (
    <fieldset className="space-y-2 rounded-md border border-slate-200 p-3 dark:border-slate-700" data-testid={id}>
      <legend className="px-1 text-sm font-semibold capitalize">{side}</legend>
      <p className="text-xs text-slate-500" data-testid={`${id}-current`}>
        Now: {current.label}
        {current.fileName ? ` (${current.fileName})` : ""}
      </p>
      <Field label="Decoder" htmlFor={`${id}-kind`}>
        <Select
          id={`${id}-kind`}
          value={kind}
          data-testid={`${id}-kind`}
          onChange={(e) => {
            const k = e.target.value as DecoderKind;
            setKind(k);
            setUpload(null);
            emit(k, charset, messageType, null);
          }}
        >
          <Options values={DECODER_KINDS} label={(k) => KIND_LABEL[k]} />
        </Select>
      </Field>
      {kind === "string" ? (
        <Field label="Charset" htmlFor={`${id}-charset`}>
          <Input
            id={`${id}-charset`}
            value={charset}
            className="w-48 font-mono"
            onChange={(e) => {
              setCharset(e.target.value);
              emit(kind, e.target.value, messageType, upload);
            }}
          />
        </Field>
      ) : null}
      {kind === "protobuf" || kind === "avro" ? (
        <UploadField
          id={id}
          kind={kind}
          onUpload={(u) => {
            if (typeof u === "string") {
              setUploadError(u);
              onChange(null, u);
              return;
            }
            setUploadError(null);
            setUpload(u);
            emit(kind, charset, messageType, u);
          }}
        />
      ) : null}
      {uploadError ? <p className="text-xs text-red-600">{uploadError}</p> : null}
      {kind === "protobuf" ? (
        <MessageTypeField
          id={id}
          value={messageType}
          known={current.messageTypes ?? []}
          onChange={(m) => {
            setMessageType(m);
            emit(kind, charset, m, upload);
          }}
        />
      ) : null}
    </fieldset>
  );
}

/** Chooses how this topic's keys and values are decoded (stored per topic; needs the right to alter the topic). */
export function DecodersDialog({
  clusterId,
  topic,
  onClose,
}: {
  clusterId: string;
  topic: string;
  onClose: () => void;
}) {
  const current = useTopicDecoders(clusterId, topic);
  const save = useSetTopicDecodersMutation(clusterId, topic);
  const [changes, setChanges] = useState<{ key?: DecoderSideInput | null; value?: DecoderSideInput | null }>({});
  const body = { ...(changes.key ? { key: changes.key } : {}), ...(changes.value ? { value: changes.value } : {}) };
  const blocked = changes.key === null || changes.value === null || (!body.key && !body.value);
  return (
    <Dialog
      onClose={onClose}
      size="lg"
      testId="decoders-dialog"
      title={`Decoding of ${topic}`}
      description="How Sluice decodes this topic's keys and values in browse, search, CEL, live tail and export, and encodes what you produce."
      footer={
        <>
          <Button onClick={() => save.mutate(null)} disabled={save.isPending} data-testid="decoders-reset">
            Reset to automatic
          </Button>
          <Button
            variant="primary"
            onClick={() => save.mutate(body, { onSuccess: () => setChanges({}) })}
            disabled={blocked || save.isPending}
            data-testid="decoders-save"
          >
            Save
          </Button>
        </>
      }
    >
      {current.data ? (
        <div className="space-y-3">
          <SideEditor
            key={`k-${current.data.key.updatedAt ?? ""}`}
            side="key"
            current={current.data.key}
            onChange={(v) => setChanges((c) => ({ ...c, key: v }))}
          />
          <SideEditor
            key={`v-${current.data.value.updatedAt ?? ""}`}
            side="value"
            current={current.data.value}
            onChange={(v) => setChanges((c) => ({ ...c, value: v }))}
          />
          {save.isSuccess ? (
            <p className="text-sm text-emerald-700" data-testid="decoders-saved">
              Saved. Records are read with the new setting.
            </p>
          ) : null}
          <MutationError action="Saving the decoders" topic={topic} error={save.error} testId="decoders-error" />
        </div>
      ) : (
        <MutationError action="Reading the decoders" topic={topic} error={current.error} />
      )}
    </Dialog>
  );
}

/** Opens the decoding settings. */
export function DecodersButton({ clusterId, topic }: { clusterId: string; topic: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="sm" onClick={() => setOpen(true)} data-testid="decoders-button" className="mb-1.5">
        <Binary className="h-3.5 w-3.5" /> Decoding…
      </Button>
      {open ? <DecodersDialog clusterId={clusterId} topic={topic} onClose={() => setOpen(false)} /> : null}
    </>
  );
}
