import "server-only";
import type { DecodeFormat } from "@/lib/schemas/messages";
import { roleOn, type Actor } from "@/server/auth/permissions";
import { getClusterConfigOrThrow } from "@/server/config";
import type { MaskingRule } from "@/server/config/schema";
import { recordAudit } from "@/server/services/audit/record-audit";
import { ApiError } from "@/server/http/api-error";
import { compileMasking, rulesFor, type Masking } from "@/server/messages/mask";
import { whyCannotReadRecords } from "./read-scope";

/** Who reads, and whether they asked for clear text (`unmasked=true`). */
export type ReadAccess = { actor: Actor; requestId: string; unmasked?: boolean };
export type ReadView = {
  view: "browse" | "detail" | "search" | "tail" | "export";
  keyFormat: DecodeFormat;
  valueFormat: DecodeFormat;
};

/** Admins of the cluster, and the roles and teams a rule names, may lift it. */
function exempt(actor: Actor, clusterId: string, rule: MaskingRule): boolean {
  const role = roleOn(actor, clusterId);
  if (role === "admin") return true;
  if (role && rule.exemptRoles.includes(role)) return true;
  return actor.teams.some((t) => rule.exemptTeams.includes(t.name));
}

/**
 * The masking a read of `topic` goes through. Masked unless clear text was asked for; then the rules the reader is
 * exempt from are lifted (one audit row per request or session, with the view and formats) and a reader exempt
 * from none is refused (403, audited).
 */
export async function maskingFor(
  clusterId: string,
  topic: string,
  access: ReadAccess,
  view: ReadView,
): Promise<Masking | null> {
  // Every record read (browse, detail, search, tail, export) passes here first: the cluster's read scope.
  const outOfScope = await whyCannotReadRecords(access.actor, clusterId, topic);
  if (outOfScope) {
    await recordAudit(
      { ...access, clusterId },
      { action: "messages.read", targetType: "topic", target: topic, before: { view: view.view } },
      { result: "denied", error: outOfScope },
    );
    throw new ApiError("forbidden", outOfScope);
  }
  const rules = rulesFor(getClusterConfigOrThrow(clusterId).messages.masking, topic);
  if (!access.unmasked || rules.length === 0) return compileMasking(clusterId, rules);
  const lifted = rules.filter((r) => exempt(access.actor, clusterId, r));
  const unmask = {
    action: "messages.unmask",
    targetType: "topic",
    target: topic,
    before: { ...view, rules: rules.length, lifted: lifted.length },
  };
  if (lifted.length === 0) {
    const message = `Records of "${topic}" are masked; unmasked reads need the admin role on this cluster or a role or team the masking rule exempts.`;
    await recordAudit({ ...access, clusterId }, unmask, { result: "failure", error: message });
    throw new ApiError("forbidden", message);
  }
  await recordAudit({ ...access, clusterId }, unmask, { result: "success" });
  return compileMasking(
    clusterId,
    rules.filter((r) => !lifted.includes(r)),
  );
}
