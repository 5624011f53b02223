"use client";

import { useQuery } from "@tanstack/react-query";
import { Lock } from "lucide-react";
import { useState } from "react";
import { useCan } from "@/components/ui/me-context";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/states";
import { brokerDefaultsOptions } from "@/lib/queries/clusters";
import { BrokerConfigDialog } from "./broker-config-dialog";
import { ConfigEditButtons, type ConfigEdit } from "./config-edit-buttons";

/** Configs set once for every broker (the cluster-wide default); admins change them with a broker-validated preview. */
export function BrokerDefaultsCard({ clusterId }: { clusterId: string }) {
  const { data, error, isPending } = useQuery(brokerDefaultsOptions(clusterId));
  const canEdit = useCan(clusterId, "brokers:configure");
  const [editing, setEditing] = useState<ConfigEdit | null>(null);
  if (isPending) return <Skeleton className="h-24" />;
  if (error) {
    return (
      <p className="text-sm text-red-700 dark:text-red-300" data-testid="broker-defaults-error">
        Could not load the cluster-wide broker configs: {error.message}
      </p>
    );
  }
  return (
    <Card data-testid="broker-defaults">
      <CardHeader>
        <h2 className="font-semibold">Cluster-wide broker configs</h2>
        {canEdit && !data.unavailable ? (
          <Button
            size="sm"
            variant="primary"
            onClick={() => setEditing({ key: "", value: "" })}
            data-testid="broker-defaults-change"
          >
            Set a default
          </Button>
        ) : null}
      </CardHeader>
      <CardBody>
        {data.unavailable ? (
          <p className="mb-2 text-sm text-amber-800 dark:text-amber-200">{data.unavailable}</p>
        ) : null}
        {data.configs.length === 0 ? (
          <p className="text-sm text-slate-500">
            No dynamic config is set for every broker; each broker uses its own file and defaults.
          </p>
        ) : (
          <table className="w-full text-sm">
            <tbody>
              {data.configs.map((c) => (
                <tr
                  key={c.name}
                  className="border-t border-slate-100 first:border-0 dark:border-slate-800"
                  data-testid={`default-row-${c.name}`}
                >
                  <td className="py-1.5 pr-3 font-mono text-xs">{c.name}</td>
                  <td className="py-1.5 pr-3 font-mono text-xs">
                    {c.isSensitive ? (
                      <span className="inline-flex items-center gap-1 text-slate-500">
                        <Lock className="h-3 w-3" /> {c.value ?? "not set"}
                      </span>
                    ) : (
                      c.value
                    )}
                  </td>
                  <td className="py-1.5 text-right">
                    {canEdit ? (
                      <ConfigEditButtons
                        entry={c}
                        canReset
                        onEdit={setEditing}
                        resetTestId={`default-reset-${c.name}`}
                      />
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </CardBody>
      {editing ? (
        <BrokerConfigDialog
          clusterId={clusterId}
          broker="default"
          initialKey={editing.key}
          initialValue={editing.value}
          initialOp={editing.op}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </Card>
  );
}
