import "server-only";
import type { Selection } from "./scan-selection";
import type { TargetSpec } from "./targets";

/** What a job row's `spec` column holds: the selection, where it writes, and its limits. */
export type JobSpec = {
  selection: Selection;
  target: TargetSpec;
  rateLimit?: number;
  maxRecords?: number;
  starts: string;
};

/** Per-partition offsets as stored: JSON {partition: "offset"}. */
export const encodeMap = (m: Map<number, bigint>) =>
  JSON.stringify(Object.fromEntries([...m].map(([p, o]) => [p, o.toString()])));
export const decodeMap = (s: string) =>
  new Map(Object.entries(JSON.parse(s) as Record<string, string>).map(([p, o]) => [Number(p), BigInt(o)]));
