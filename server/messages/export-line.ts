import "server-only";
import type { KafkaRecord } from "@/server/kafka/fetch-records";
import { decodeHeader, decodePlainSync, type DecodedRecord, type PlainSide } from "./decode-sync";
import { toMessage } from "./to-dto";

/**
 * The export's JSON Lines format, one module for both places that write it: the main thread (records decoded
 * there: masked topics, the registry, compiled topic decoders, filters) and the scan workers (every other record
 * of an unfiltered export, formatted where it was fetched).
 */

/** One record of an export: the full message (no preview cut), as one line of JSON without the newline. */
export function exportLine(d: DecodedRecord): string {
  return JSON.stringify(toMessage(d, false));
}

/** What a worker needs to format a record as the main thread would: each side's plain decoding, and the registry. */
export type ExportFormat = { key: PlainSide; value: PlainSide; registry: boolean };

/** The record's export line, decoded as an export decodes (unparsed, whole), or null when it needs the registry. */
export function exportLineSync(record: KafkaRecord, f: ExportFormat): string | null {
  const key = decodePlainSync(record, "key", f.key, f.registry, false);
  if (!key) return null;
  const value = decodePlainSync(record, "value", f.value, f.registry, false);
  if (!value) return null;
  return exportLine({ record, key, value, headers: record.headers.length ? record.headers.map(decodeHeader) : [] });
}
