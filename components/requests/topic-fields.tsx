"use client";

import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { TextField } from "@/components/ui/text-field";
import { Textarea } from "@/components/ui/textarea";
import { TopicGrantFields } from "./access-fields";
import { NumberFields, type NumberFieldSpec } from "./number-fields";
import type { Draft, FormKind } from "./request-draft";
import type { NewRequest } from "./use-new-request";

type Props = {
  draft: Draft;
  set: (patch: Partial<Draft>) => void;
  fieldError: (path: string) => string | undefined;
};

function configsLabel(kind: FormKind): string {
  if (kind === "create") return "Configs";
  if (kind === "connector") return "Connector config";
  return "Set configs";
}

/** The Kafka Connect cluster a connector request is for. */
function ConnectField({
  set,
  fieldError,
  connectId,
  clusters,
}: Omit<Props, "draft"> & { connectId: string; clusters?: { name: string; host: string }[] }) {
  return (
    <div className="sm:col-span-2">
      <Field
        label="Kafka Connect cluster"
        htmlFor="req-connect"
        error={fieldError("connectId")}
        hint={clusters && !clusters.length ? "This cluster has no Kafka Connect configured." : undefined}
      >
        <Select
          id="req-connect"
          className="w-full"
          value={connectId}
          onChange={(e) => set({ connectId: e.target.value })}
          data-testid="request-connect"
        >
          {(clusters ?? []).map((c) => (
            <option key={c.name} value={c.name}>
              {c.name} ({c.host})
            </option>
          ))}
        </Select>
      </Field>
    </div>
  );
}

/** Partitions and replication factor, as the kind asks for them. */
function countFields(kind: FormKind) {
  const fields: NumberFieldSpec<"partitions" | "replicationFactor">[] = [];
  if (kind === "create" || kind === "add-partitions") {
    const label = kind === "create" ? "Partitions" : "New partition count";
    fields.push({ key: "partitions", label, id: "req-partitions", testId: "request-partitions" });
  }
  if (kind === "create") {
    fields.push({ key: "replicationFactor", label: "Replication factor", id: "req-rf", testId: "request-rf" });
  }
  return fields;
}

/** The configs of a new or changed topic, or a connector's config, one key=value a line. */
function ConfigsField({ draft, set, configsError }: Omit<Props, "fieldError"> & { configsError?: string }) {
  return (
    <div className="sm:col-span-2">
      <Field
        label={configsLabel(draft.kind)}
        htmlFor="req-configs"
        hint={
          draft.kind === "connector"
            ? "One key=value per line: connector.class, topic or topics, and the plugin's settings. The worker validates them on Check."
            : "One key=value per line, e.g. retention.ms=604800000"
        }
        error={configsError}
      >
        <Textarea
          id="req-configs"
          rows={3}
          className="font-mono"
          value={draft.configs}
          onChange={(e) => set({ configs: e.target.value })}
          data-testid="request-configs"
        />
      </Field>
    </div>
  );
}

/** The fields of a topic or connector request: name, Connect cluster, counts, configs, grant and resets. */
export function TopicFields({ clusterId, form }: { clusterId: string; form: NewRequest }) {
  const { draft, set, fieldError, configsError, connectId, connectClusters, setAccess } = form;
  const kind = draft.kind;
  return (
    <>
      <div className="sm:col-span-2">
        <TextField
          label={kind === "connector" ? "Connector name" : "Topic name"}
          id="req-topic"
          error={fieldError(kind === "connector" ? "name" : "topicName")}
          testId="request-topic"
          className="font-mono"
          value={draft.topicName}
          onValue={(topicName) => set({ topicName })}
          data-testid="request-topic"
        />
      </div>
      {kind === "connector" ? (
        <ConnectField set={set} fieldError={fieldError} connectId={connectId} clusters={connectClusters} />
      ) : null}
      <NumberFields
        specs={countFields(kind)}
        values={draft}
        onValue={(k, v) => set({ [k]: v })}
        fieldError={fieldError}
      />
      {kind === "create" || kind === "alter-configs" || kind === "connector" ? (
        <ConfigsField draft={draft} set={set} configsError={configsError} />
      ) : null}
      {kind === "create" ? (
        <TopicGrantFields
          clusterId={clusterId}
          teamId={draft.teamId}
          d={draft.access}
          set={setAccess}
          fieldError={fieldError}
        />
      ) : null}
      {kind === "alter-configs" ? (
        <div className="sm:col-span-2">
          <TextField
            label="Reset to default"
            id="req-reset"
            hint="Config names, comma-separated"
            className="font-mono"
            value={draft.reset}
            onValue={(reset) => set({ reset })}
          />
        </div>
      ) : null}
    </>
  );
}
