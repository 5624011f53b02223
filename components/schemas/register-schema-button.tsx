"use client";

import { FilePlus2 } from "lucide-react";
import { useState } from "react";
import { Blocked } from "@/components/ui/blocked";
import { Button } from "@/components/ui/button";
import { Tooltip } from "@/components/ui/tooltip";
import { RegisterSchemaDialog } from "./register-schema-dialog";

/** "Register schema" on the subject list: opens the dialog with a free subject name. */
export function RegisterSchemaButton({ clusterId, readOnlyReason }: { clusterId: string; readOnlyReason?: string }) {
  const [open, setOpen] = useState(false);
  return (
    <Blocked reason={readOnlyReason}>
      <Tooltip content={readOnlyReason}>
        <Button
          variant="primary"
          onClick={() => setOpen(true)}
          disabled={!!readOnlyReason}
          data-testid="register-schema-open-button"
        >
          <FilePlus2 className="h-4 w-4" /> Register schema
        </Button>
      </Tooltip>
      {open ? <RegisterSchemaDialog clusterId={clusterId} onClose={() => setOpen(false)} /> : null}
    </Blocked>
  );
}
