import "server-only";
import { PREVIEW_BYTES, type DecodedField, type Message } from "@/lib/schemas/messages";
import type { DecodedRecord, DecodedValue } from "./decode-sync";

function field(v: DecodedValue, preview: boolean): DecodedField {
  let text = v.text;
  let truncated = v.truncated === true;
  // Characters, not bytes: close enough for a preview, and never splits a character.
  if (preview && text !== null && text.length > PREVIEW_BYTES) {
    text = text.slice(0, PREVIEW_BYTES);
    truncated = true;
  }
  return {
    encoding: v.encoding,
    text,
    size: v.size,
    truncated,
    ...(v.schemaId !== undefined ? { schemaId: v.schemaId } : {}),
    ...(v.error ? { error: v.error } : {}),
    ...(v.masked ? { masked: true } : {}),
    ...(v.decoder ? { decoder: v.decoder } : {}),
  };
}

/** The wire shape of a record; `preview` cuts key and value text to PREVIEW_BYTES for list views. */
export function toMessage(d: DecodedRecord, preview: boolean): Message {
  const r = d.record;
  let headerBytes = 0;
  for (const h of r.headers) headerBytes += Buffer.byteLength(h.key) + (h.value?.length ?? 0);
  return {
    partition: r.partition,
    offset: r.offset.toString(),
    timestamp: r.timestamp,
    timestampType: r.timestampType,
    key: field(d.key, preview),
    value: field(d.value, preview),
    headers: d.headers,
    size: (r.key?.length ?? 0) + (r.value?.length ?? 0) + headerBytes,
    compression: r.compression,
  };
}
