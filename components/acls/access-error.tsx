"use client";

import { ErrorState } from "@/components/ui/states";
import { ApiClientError } from "@/lib/api/client";

/** An access-plane error; a broker without an authorizer (SECURITY_DISABLED) gets its own title, not a failure. */
export function AccessError({ error, what }: { error: Error; what: string }) {
  const noAuthorizer = error instanceof ApiClientError && error.details.some((d) => d.issue === "SECURITY_DISABLED");
  return noAuthorizer ? (
    <ErrorState
      title="This cluster has no authorizer"
      message="The broker runs without an authorizer (SECURITY_DISABLED), so it enforces no ACLs and Sluice has none to show or change."
    />
  ) : (
    <ErrorState title={`Could not load ${what}`} message={error.message} />
  );
}
