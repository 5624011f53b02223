import { Badge } from "@/components/ui/badge";

const TONES: Record<string, "ok" | "neutral" | "warn" | "bad"> = {
  Stable: "ok",
  Empty: "neutral",
  PreparingRebalance: "warn",
  CompletingRebalance: "warn",
  // consumer-protocol (KIP-848) groups
  Assigning: "warn",
  Reconciling: "warn",
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

const TYPE_TITLES: Record<string, string> = {
  classic: "Classic group protocol (JoinGroup/SyncGroup rebalances)",
  consumer: "Consumer group protocol of KIP-848 (group.protocol=consumer): the broker assigns partitions incrementally",
  share: "Share group (KIP-932): consumers share partitions and acknowledge records one by one",
};

/** The group's protocol type: classic or consumer (KIP-848). */
export function GroupTypeBadge({ type }: { type: string }) {
  return (
    <Badge
      tone={type === "classic" ? "neutral" : "info"}
      title={TYPE_TITLES[type] ?? `Group type ${type}`}
      data-testid="group-type"
    >
      {type}
    </Badge>
  );
}

const HEALTH_TONES: Record<string, "ok" | "neutral" | "warn" | "bad"> = {
  OK: "ok",
  WARNING: "warn",
  STALL: "bad",
  STOP: "bad",
  REWIND: "warn",
};

/** The Burrow-style health verdict; the rule that fired is the tooltip (and the accessible description). */
export function HealthBadge({ status, rule }: { status: string; rule: string }) {
  return (
    <Badge tone={HEALTH_TONES[status] ?? "neutral"} title={rule} aria-description={rule} data-testid="group-health">
      {status}
    </Badge>
  );
}
