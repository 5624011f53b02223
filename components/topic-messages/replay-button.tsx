"use client";

import { Copy } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ReplayDialog } from "./replay-dialog";

/** Opens the replay / redrive dialog (rights are checked by the server against the destination). */
export function ReplayButton({ clusterId, topic }: { clusterId: string; topic: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="sm" onClick={() => setOpen(true)} data-testid="replay-button" className="mb-1.5 ml-auto">
        <Copy className="h-3.5 w-3.5" /> Replay…
      </Button>
      {open ? <ReplayDialog clusterId={clusterId} topic={topic} onClose={() => setOpen(false)} /> : null}
    </>
  );
}
