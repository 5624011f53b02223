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
