import { Badge } from "@/components/ui/badge";

const TONES: Record<string, "ok" | "neutral" | "warn" | "bad"> = {
  Stable: "ok",
  Empty: "neutral",
  PreparingRebalance: "warn",
  CompletingRebalance: "warn",
  Dead: "bad",
};

/** A group's coordinator state: Stable green, Empty grey, rebalancing amber, Dead red; anything else neutral. */
export function GroupStateBadge({ state }: { state: string }) {
  return (
    <Badge tone={TONES[state] ?? "neutral"} data-testid="group-state">
      {state || "Unknown"}
    </Badge>
  );
}

const HEALTH_TONES: Record<string, "ok" | "neutral" | "warn" | "bad"> = { OK: "ok", WARNING: "warn", STALL: "bad", STOP: "bad", REWIND: "warn" };

/** The Burrow-style health verdict; the rule that fired is the tooltip (and the accessible description). */
export function HealthBadge({ status, rule }: { status: string; rule: string }) {
  return (
    <Badge tone={HEALTH_TONES[status] ?? "neutral"} title={rule} aria-description={rule} data-testid="group-health">
      {status}
    </Badge>
  );
}
