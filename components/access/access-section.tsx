"use client";

import { Plus } from "lucide-react";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { ErrorState, Loading } from "@/components/ui/states";

/** One list of the Users and teams page: its heading with an Add button, then the table once its query has loaded. */
export function AccessSection<T>({
  title,
  addLabel,
  addTestId,
  onAdd,
  query,
  children,
}: {
  title: string;
  addLabel: string;
  addTestId: string;
  onAdd: () => void;
  query: { isPending: boolean; error: Error | null; data: T | undefined };
  children: (data: T) => ReactNode;
}) {
  let body: ReactNode;
  if (query.isPending) {
    body = <Loading />;
  } else if (query.error || query.data === undefined) {
    body = <ErrorState title={`Could not load ${title.toLowerCase()}`} message={query.error?.message ?? "No data."} />;
  } else {
    body = children(query.data);
  }
  return (
    <section className="space-y-3">
      <div className="flex items-center justify-between">
        <h2 className="text-lg font-semibold">{title}</h2>
        <Button size="sm" variant="primary" onClick={onAdd} data-testid={addTestId}>
          <Plus className="h-4 w-4" /> {addLabel}
        </Button>
      </div>
      {body}
    </section>
  );
}
