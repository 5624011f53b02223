import { Badge } from "@/components/ui/badge";
import type { RequestKind, RequestStatus } from "@/lib/schemas/requests";

const TONE: Record<RequestStatus, "neutral" | "ok" | "warn" | "bad" | "info"> = {
  PENDING: "warn",
  APPROVED: "info",
  PROVISIONED: "ok",
  FAILED: "bad",
  REJECTED: "bad",
  CANCELLED: "neutral",
};

export function RequestStatusBadge({ status }: { status: RequestStatus }) {
  return (
    <Badge tone={TONE[status]} data-testid="request-status">
      {status.toLowerCase()}
    </Badge>
  );
}

export const KIND_LABEL: Record<RequestKind, string> = {
  create: "Create topic",
  "alter-configs": "Change configs",
  "add-partitions": "Add partitions",
  delete: "Delete topic",
  access: "Access",
  credential: "Credential",
  quota: "Quota",
  connector: "Connector",
  revoke: "Revoke access",
};
