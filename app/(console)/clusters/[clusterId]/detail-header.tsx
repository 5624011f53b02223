import Link from "next/link";
import type { ReactNode } from "react";
import { PageHeader } from "@/components/ui/page-header";

/** The trail of a detail page on a read-only cluster. */
export const READ_ONLY_TRAIL = " / read-only cluster: changes are disabled";

/**
 * The header of a page about one named thing of a cluster (a topic, a group, a subject): its name in mono as the
 * title, and a link back to the list, followed by `trail`.
 */
export function DetailHeader({
  name,
  back,
  backLabel,
  trail,
  actions,
}: {
  name: string;
  back: string;
  backLabel: string;
  trail?: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <PageHeader
      title={<span className="break-all font-mono">{name}</span>}
      description={
        <>
          <Link href={back} className="hover:underline">
            {backLabel}
          </Link>
          {trail}
        </>
      }
      actions={actions}
    />
  );
}
