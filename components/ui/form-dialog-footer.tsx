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

/** One step's button of a PreviewApplyFooter. */
type StepButton = { onClick?: () => void; disabled: boolean; busy: boolean; testId: string; title?: string };

/**
 * The footer of a dialog that shows a change before making it: Back (once there is a preview to go back from),
 * Cancel, then "Preview change" while the change is being written, else "Apply".
 */
export function PreviewApplyFooter({
  onCancel,
  onBack,
  backDisabled,
  previewing,
  preview,
  apply,
}: {
  onCancel: () => void;
  /** Absent while there is nothing to go back to. */
  onBack?: () => void;
  backDisabled: boolean;
  /** true: the Preview button shows; false: the Apply button. */
  previewing: boolean;
  preview: StepButton;
  apply: StepButton;
}) {
  const step = previewing
    ? { ...preview, label: "Preview change", busyLabel: "Checking…" }
    : { ...apply, label: "Apply", busyLabel: "Applying…" };
  return (
    <FormDialogFooter
      onCancel={onCancel}
      back={
        onBack ? (
          <Button variant="ghost" className="mr-auto" onClick={onBack} disabled={backDisabled}>
            Back
          </Button>
        ) : null
      }
    >
      <BusyButton
        variant="primary"
        onClick={step.onClick}
        disabled={step.disabled}
        title={step.title}
        busy={step.busy}
        busyLabel={step.busyLabel}
        data-testid={step.testId}
      >
        {step.label}
      </BusyButton>
    </FormDialogFooter>
  );
}
