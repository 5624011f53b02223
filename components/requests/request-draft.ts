import { ACCESS_REQUEST_KINDS, TOPIC_REQUEST_KINDS, type SubmitRequestBody } from "@/lib/schemas/requests";
import { accessBody, type AccessDraft } from "./access-fields";

export const FORM_KINDS = [...TOPIC_REQUEST_KINDS, ...ACCESS_REQUEST_KINDS, "connector"] as const;
export type FormKind = (typeof FORM_KINDS)[number];
export const isAccessKind = (k: FormKind): k is (typeof ACCESS_REQUEST_KINDS)[number] =>
  (ACCESS_REQUEST_KINDS as readonly string[]).includes(k);

/** What the new-request form holds, as typed. */
export type Draft = {
  kind: FormKind;
  topicName: string;
  teamId: string;
  partitions: string;
  replicationFactor: string;
  configs: string;
  reset: string;
  justification: string;
  access: AccessDraft;
  connectId: string;
};

/** "a, b,,c" → ["a", "b", "c"]. */
export const commaList = (v: string) =>
  v
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);

/** "key=value" per line → object; malformed lines are reported, not dropped. */
function parseConfigLines(text: string): { values: Record<string, string>; bad: string[] } {
  const values: Record<string, string> = {};
  const bad: string[] = [];
  for (const line of text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean)) {
    const eq = line.indexOf("=");
    if (eq <= 0) bad.push(line);
    else values[line.slice(0, eq).trim()] = line.slice(eq + 1).trim();
  }
  return { values, bad };
}

/** The submission body of a draft, or why it cannot be sent. */
export function toBody(d: Draft): { body?: SubmitRequestBody; error?: string } {
  if (isAccessKind(d.kind)) {
    return {
      body: {
        kind: d.kind,
        teamId: d.teamId,
        justification: d.justification,
        ...accessBody(d.kind, d.access),
      } as SubmitRequestBody,
    };
  }
  const base = { topicName: d.topicName.trim(), teamId: d.teamId, justification: d.justification };
  const { values, bad } = parseConfigLines(d.configs);
  if (bad.length) return { error: `Write configs as key=value, one per line (not "${bad[0]}").` };
  switch (d.kind) {
    case "connector":
      return {
        body: {
          kind: "connector",
          teamId: d.teamId,
          justification: d.justification,
          connectId: d.connectId,
          name: base.topicName,
          config: values,
        },
      };
    case "create":
      return {
        body: {
          kind: "create",
          ...base,
          partitions: Number(d.partitions),
          replicationFactor: Number(d.replicationFactor),
          configs: values,
          ...(d.access.principal ? { access: [{ principal: d.access.principal, operations: d.access.ops }] } : {}),
        },
      };
    case "alter-configs":
      return { body: { kind: "alter-configs", ...base, set: values, reset: commaList(d.reset) } };
    case "add-partitions":
      return { body: { kind: "add-partitions", ...base, partitions: Number(d.partitions) } };
    case "delete":
      return { body: { kind: "delete", ...base } };
  }
}
