import type { ComponentProps, ReactNode } from "react";
import { Button } from "./button";

/**
 * The footer most form dialogs share: an optional Back step on the left, Cancel, then the dialog's actions
 * (usually BusyButtons). Pass it as the Dialog's footer.
 */
export function FormDialogFooter({
  onCancel,
  back,
  children,
}: {
  onCancel: () => void;
  /** A Back button (ghost, `mr-auto`) shown before Cancel, when the dialog has a second step. */
  back?: ReactNode;
  children: ReactNode;
}) {
  return (
    <>
      {back}
      <Button onClick={onCancel}>Cancel</Button>
      {children}
    </>
  );
}

/** A dialog's action button whose label says what is under way (e.g. "Applying…") while `busy`. */
export function BusyButton({
  busy,
  busyLabel,
  children,
  ...props
}: ComponentProps<typeof Button> & { busy: boolean; busyLabel: string }) {
  return <Button {...props}>{busy ? busyLabel : children}</Button>;
}
