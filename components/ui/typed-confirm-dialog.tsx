"use client";

import { useState, type ReactNode } from "react";
import { BusyButton, FormDialogFooter } from "./form-dialog-footer";
import { Dialog } from "./dialog";
import { Field } from "./field";
import { Input } from "./input";

type Props = {
  /** Extra fields above the confirmation input (e.g. what to delete). */
  children?: ReactNode;
  /** What the user must type exactly before the confirm button enables. */
  target: string;
  title: string;
  description: string;
  confirmLabel: string;
  /** Dialog test id; inputs and buttons get `confirm-<idSuffix>-input` / `-button`. */
  testId: string;
  idSuffix: string;
  isPending: boolean;
  /** The mutation's error, rendered above the field. */
  error: ReactNode;
  onConfirm: () => void;
  onClose: () => void;
};

/** A destructive action confirmed by typing the target's name. */
export function TypedConfirmDialog({
  target,
  title,
  description,
  confirmLabel,
  testId,
  idSuffix,
  isPending,
  error,
  onConfirm,
  onClose,
  children,
}: Props) {
  const [typed, setTyped] = useState("");
  const matches = typed === target;
  const submit = () => matches && onConfirm();
  const id = `confirm-${idSuffix}`;
  return (
    <Dialog
      onClose={onClose}
      size="sm"
      testId={testId}
      title={title}
      description={description}
      footer={
        <FormDialogFooter onCancel={onClose}>
          <BusyButton
            variant="danger"
            onClick={submit}
            disabled={!matches || isPending}
            busy={isPending}
            busyLabel="Deleting…"
            data-testid={`${id}-button`}
          >
            {confirmLabel}
          </BusyButton>
        </FormDialogFooter>
      }
    >
      <form
        className="space-y-4"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        {error}
        {children}
        <Field
          label={
            <>
              Type <span className="select-all break-all font-mono font-semibold">{target}</span> to confirm
            </>
          }
          htmlFor={id}
        >
          <Input
            id={id}
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            autoFocus
            autoComplete="off"
            spellCheck={false}
            className="font-mono"
            data-testid={`${id}-input`}
          />
        </Field>
        <button type="submit" hidden />
      </form>
    </Dialog>
  );
}
