import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";

/** The footer of a previewed ACL change: Cancel and the dialog's action until it is done, then only Close. */
export function PreviewFooter({
  done,
  onClose,
  children,
}: {
  done: boolean;
  onClose: () => void;
  children: ReactNode;
}) {
  if (done) return <Button onClick={onClose}>Close</Button>;
  return (
    <>
      <Button variant="ghost" onClick={onClose}>
        Cancel
      </Button>
      {children}
    </>
  );
}
