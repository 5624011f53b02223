"use client";

import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import { Check, ChevronsUpDown, Lock } from "lucide-react";
import { useRouter } from "next/navigation";
import { paths } from "@/lib/paths";
import type { ClusterSummary } from "@/lib/schemas/clusters";

export function ClusterSwitcher({ clusters, current }: { clusters: ClusterSummary[]; current?: ClusterSummary }) {
  const router = useRouter();
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger
        className="flex w-full items-center justify-between gap-2 rounded-md border border-slate-300 bg-white px-3 py-2 text-left text-sm hover:bg-slate-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500 dark:border-slate-700 dark:bg-slate-900 dark:hover:bg-slate-800"
        data-testid="cluster-switcher"
      >
        <span className="truncate">{current ? current.name : "Choose a cluster"}</span>
        <ChevronsUpDown className="h-4 w-4 shrink-0 text-slate-400" />
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          align="start"
          sideOffset={4}
          className="z-50 min-w-56 rounded-md border border-slate-200 bg-white p-1 shadow-lg dark:border-slate-700 dark:bg-slate-900"
        >
          {clusters.map((c) => (
            <DropdownMenu.Item
              key={c.id}
              onSelect={() => router.push(paths.cluster(c.id))}
              className="flex cursor-pointer items-center gap-2 rounded px-2 py-1.5 text-sm outline-none data-[highlighted]:bg-slate-100 dark:data-[highlighted]:bg-slate-800"
              data-testid={`cluster-switcher-item-${c.id}`}
            >
              <Check className={`h-4 w-4 ${current?.id === c.id ? "opacity-100" : "opacity-0"}`} />
              <span className="truncate">{c.name}</span>
              {c.readOnly ? <Lock className="ml-auto h-3 w-3 text-slate-400" aria-label="read-only" /> : null}
            </DropdownMenu.Item>
          ))}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
