"use client";

import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
import { paths } from "@/lib/paths";
import type { AclBinding } from "@/lib/schemas/access";

export const bindingKey = (b: AclBinding) =>
  `${b.permission}|${b.principal}|${b.host}|${b.operation}|${b.resourceType}|${b.patternType}|${b.resourceName}`;

function columns(clusterId: string, sluicePrincipal?: string): ColumnDef<AclBinding, unknown>[] {
  return [
    {
      accessorKey: "principal",
      header: "Principal",
      cell: ({ row }) => (
        <span className="flex items-center gap-2">
          <Link
            className="font-mono text-brand-700 hover:underline dark:text-cyan-300"
            href={paths.principal(clusterId, row.original.principal)}
          >
            {row.original.principal}
          </Link>
          {row.original.principal === sluicePrincipal ? <Badge tone="info">Sluice</Badge> : null}
        </span>
      ),
    },
    {
      accessorKey: "permission",
      header: "Permission",
      cell: ({ row }) => (
        <Badge tone={row.original.permission === "DENY" ? "bad" : "ok"}>{row.original.permission}</Badge>
      ),
    },
    {
      accessorKey: "operation",
      header: "Operation",
      cell: ({ getValue }) => <span className="font-mono text-xs">{String(getValue())}</span>,
    },
    {
      accessorKey: "resourceType",
      header: "Resource",
      cell: ({ getValue }) => <span className="text-xs">{String(getValue())}</span>,
    },
    {
      accessorKey: "resourceName",
      header: "Name",
      cell: ({ getValue }) => <span className="font-mono">{String(getValue())}</span>,
    },
    {
      accessorKey: "patternType",
      header: "Pattern",
      cell: ({ getValue }) => <span className="text-xs">{String(getValue())}</span>,
    },
    {
      accessorKey: "host",
      header: "Host",
      cell: ({ getValue }) => <span className="font-mono text-xs">{String(getValue())}</span>,
    },
  ];
}

export function BindingTable({
  clusterId,
  bindings,
  sluicePrincipal,
  testId = "acl-table",
  maxHeight,
}: {
  clusterId: string;
  bindings: AclBinding[];
  sluicePrincipal?: string;
  testId?: string;
  maxHeight?: number;
}) {
  return (
    <DataTable
      testId={testId}
      columns={columns(clusterId, sluicePrincipal)}
      data={bindings}
      rowTestId={(b) => `acl-row-${bindingKey(b)}`}
      emptyTitle="No ACL bindings match"
      maxHeight={maxHeight}
    />
  );
}
