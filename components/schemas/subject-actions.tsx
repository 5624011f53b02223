"use client";

import { FilePlus2, Trash2 } from "lucide-react";
import { useState } from "react";
import { Blocked } from "@/components/ui/blocked";
import { Button } from "@/components/ui/button";
import { Tooltip } from "@/components/ui/tooltip";
import type { SchemaVersion } from "@/lib/schemas/schemas";
import { DeleteSchemaDialog } from "./delete-schema-dialog";
import { RegisterSchemaDialog } from "./register-schema-dialog";

type Props = {
  clusterId: string;
  subject: string;
  version?: SchemaVersion;
  subjectDeleted: boolean;
  readOnlyReason?: string;
  onSelectVersion: (version: number) => void;
};
type Open = { kind: "register" } | { kind: "delete"; version: number | null; permanent: boolean } | null;

/** Register a new version (prefilled with the shown one), delete the shown version or the whole subject. */
export function SubjectActions({
  clusterId,
  subject,
  version,
  subjectDeleted,
  readOnlyReason,
  onSelectVersion,
}: Props) {
  const [open, setOpen] = useState<Open>(null);
  const close = () => setOpen(null);
  const why = readOnlyReason;
  return (
    <Blocked reason={why}>
      <Tooltip content={why}>
        <Button
          variant="primary"
          onClick={() => setOpen({ kind: "register" })}
          disabled={!!why}
          data-testid="register-version-button"
        >
          <FilePlus2 className="h-4 w-4" /> New version
        </Button>
      </Tooltip>
      {version ? (
        <Tooltip content={why}>
          <Button
            onClick={() => setOpen({ kind: "delete", version: version.version, permanent: version.deleted })}
            disabled={!!why}
            data-testid="delete-version-button"
          >
            <Trash2 className="h-4 w-4" />{" "}
            {version.deleted ? `Permanently delete v${version.version}` : `Delete v${version.version}`}
          </Button>
        </Tooltip>
      ) : null}
      <Tooltip content={why}>
        <Button
          variant="danger"
          onClick={() => setOpen({ kind: "delete", version: null, permanent: subjectDeleted })}
          disabled={!!why}
          data-testid="delete-subject-button"
        >
          <Trash2 className="h-4 w-4" /> {subjectDeleted ? "Permanently delete subject" : "Delete subject"}
        </Button>
      </Tooltip>
      {open?.kind === "register" ? (
        <RegisterSchemaDialog
          clusterId={clusterId}
          subject={subject}
          initialType={version?.schemaType}
          initialSchema={version?.schema}
          onClose={close}
          onRegistered={onSelectVersion}
        />
      ) : null}
      {open?.kind === "delete" ? (
        <DeleteSchemaDialog
          clusterId={clusterId}
          subject={subject}
          version={open.version}
          permanent={open.permanent}
          onClose={close}
        />
      ) : null}
    </Blocked>
  );
}
