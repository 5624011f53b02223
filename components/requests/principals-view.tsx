"use client";

import { useQuery } from "@tanstack/react-query";
import type { ColumnDef } from "@tanstack/react-table";
import { Trash2 } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { useCan } from "@/components/ui/me-context";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { ErrorState, Loading } from "@/components/ui/states";
import { TextField } from "@/components/ui/text-field";
import { ApiClientError } from "@/lib/api/client";
import { paths } from "@/lib/paths";
import { teamsOptions } from "@/lib/queries/access";
import {
  principalRequestsOptions,
  principalsOptions,
  useDeclarePrincipal,
  useRemovePrincipal,
} from "@/lib/queries/requests";
import type { ServicePrincipalDto } from "@/lib/schemas/requests";

function DeclarePrincipal({ clusterId }: { clusterId: string }) {
  const teams = useQuery(teamsOptions());
  const declare = useDeclarePrincipal(clusterId);
  const [d, setD] = useState({ principal: "User:", teamId: "", description: "" });
  const err = declare.error instanceof ApiClientError ? declare.error : null;
  const fieldError = (p: string) => err?.details.find((x) => x.path === p)?.issue;
  return (
    <Card>
      <CardHeader>
        <p className="text-sm font-semibold">Declare a team&apos;s principal</p>
      </CardHeader>
      <CardBody className="space-y-3">
        <TextField
          label="Principal"
          id="sp-principal"
          error={fieldError("principal")}
          className="font-mono"
          value={d.principal}
          onValue={(principal) => setD({ ...d, principal })}
          data-testid="principal-name"
        />
        <Field label="Team" htmlFor="sp-team" error={fieldError("teamId")}>
          <Select
            id="sp-team"
            className="w-full"
            value={d.teamId}
            onChange={(e) => setD({ ...d, teamId: e.target.value })}
            data-testid="principal-team"
          >
            <option value="">Choose…</option>
            {(teams.data ?? []).map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </Select>
        </Field>
        <TextField
          label="What runs as it"
          id="sp-desc"
          placeholder="orders service"
          value={d.description}
          onValue={(description) => setD({ ...d, description })}
        />
        <Button
          variant="primary"
          onClick={() =>
            declare.mutate(d, { onSuccess: () => setD({ principal: "User:", teamId: "", description: "" }) })
          }
          disabled={declare.isPending || !d.teamId}
          data-testid="principal-declare"
        >
          Declare
        </Button>
        {declare.error && !fieldError("principal") ? (
          <ErrorState title="Not declared" message={declare.error.message} />
        ) : null}
      </CardBody>
    </Card>
  );
}

/** The teams' service principals on a cluster; admins declare and remove them. */
export function PrincipalsView({ clusterId }: { clusterId: string }) {
  const list = useQuery(principalsOptions(clusterId));
  const manage = useCan(clusterId, "access:manage");
  const readAcls = useCan(clusterId, "access:read");
  const remove = useRemovePrincipal(clusterId);
  const columns: ColumnDef<ServicePrincipalDto, unknown>[] = [
    {
      accessorKey: "principal",
      header: "Principal",
      cell: ({ row }) =>
        readAcls ? (
          <Link
            className="font-mono text-brand-700 hover:underline dark:text-cyan-300"
            href={paths.principal(clusterId, row.original.principal)}
          >
            {row.original.principal}
          </Link>
        ) : (
          <span className="font-mono">{row.original.principal}</span>
        ),
    },
    { id: "team", accessorFn: (p) => p.team.name, header: "Team" },
    { accessorKey: "description", header: "What runs as it" },
    { accessorKey: "createdBy", header: "Declared by" },
    ...(manage
      ? [
          {
            id: "actions",
            header: "",
            cell: ({ row }: { row: { original: ServicePrincipalDto } }) => (
              <Button
                size="sm"
                variant="ghost"
                aria-label={`Remove ${row.original.principal}`}
                onClick={() => remove.mutate(row.original.id)}
                disabled={remove.isPending}
              >
                <Trash2 className="h-3.5 w-3.5" />
              </Button>
            ),
          } satisfies ColumnDef<ServicePrincipalDto, unknown>,
        ]
      : []),
  ];
  if (list.isPending) return <Loading label="Loading the principals…" />;
  if (list.error) return <ErrorState title="Could not load the principals" message={list.error.message} />;
  return (
    <div className="grid grid-cols-1 gap-6 xl:grid-cols-[minmax(0,1fr)_320px]">
      <DataTable
        columns={columns}
        data={list.data}
        searchPlaceholder="Filter principals or teams…"
        rowTestId={(p) => `principal-row-${p.principal}`}
        testId="principals-table"
        emptyTitle="No service principals yet"
        emptyMessage="Admins declare the principals each team's services run as; an approved credential request also registers one."
      />
      {manage ? <DeclarePrincipal clusterId={clusterId} /> : null}
    </div>
  );
}

/** On a principal's page: the team that owns it and what requests granted it, with drift flags. */
export function PrincipalGrants({ clusterId, principal }: { clusterId: string; principal: string }) {
  const owners = useQuery(principalsOptions(clusterId));
  const grants = useQuery(principalRequestsOptions(clusterId, principal));
  const owner = owners.data?.find((p) => p.principal === principal);
  const live = (grants.data ?? []).filter((r) => r.kind !== "revoke" && r.status === "PROVISIONED");
  return (
    <Card>
      <CardHeader>
        <p className="text-sm font-semibold">Self-service</p>
      </CardHeader>
      <CardBody className="space-y-2 text-sm" data-testid="principal-grants">
        <p>
          {owner ? (
            <>
              Owned by team <span className="font-medium">{owner.team.name}</span>
              {owner.description ? ` (${owner.description})` : ""}.
            </>
          ) : (
            "No team owns this principal."
          )}
        </p>
        {live.length === 0 ? (
          <p className="text-slate-500">No provisioned request grants it anything.</p>
        ) : (
          <ul className="space-y-1">
            {live.map((r) => (
              <li key={r.id} className="flex flex-wrap items-center gap-2">
                <Link
                  className="text-brand-700 hover:underline dark:text-cyan-300"
                  href={paths.request(clusterId, r.id)}
                >
                  {r.kind} {r.topicName}
                </Link>
                {r.revokedAt ? <span className="text-xs text-slate-500">revoked</span> : null}
                {r.drift ? (
                  <span className="text-xs text-amber-700 dark:text-amber-300">
                    drift: {r.drift.map((d) => d.kind).join(", ")}
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </CardBody>
    </Card>
  );
}
