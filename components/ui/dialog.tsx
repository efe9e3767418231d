"use client";
// Dialogs on Radix UI: focus trapped inside, Escape and an outside click close, focus returns to the
// opener, the title and description name the dialog for screen readers. Radix is loaded after the page
// (no dialog is open on arrival), so it is not part of any page's first load.
import dynamic from "next/dynamic";
import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { Button } from "./button";

export interface DialogProps {
  open: boolean;
  onOpenChange(open: boolean): void;
  title: string;
  description?: ReactNode;
  children?: ReactNode;
  /** "alertdialog" for a confirmation of something that cannot be undone. */
  role?: "dialog" | "alertdialog";
  className?: string;
}

export const Dialog = dynamic<DialogProps>(() => import("./dialog-radix").then((m) => m.RadixDialogView), {
  ssr: false,
});

export interface ConfirmDialogProps extends Omit<DialogProps, "children" | "role"> {
  confirmLabel: string;
  cancelLabel?: string;
  tone?: "danger" | "primary";
  pending?: boolean;
  /** A failure of the confirmed action, shown inside the dialog. */
  error?: string | null;
  onConfirm(): void;
}

/** "Are you sure?" with the consequence spelled out; the safe choice has the focus first. */
export function ConfirmDialog({
  confirmLabel,
  cancelLabel,
  tone = "danger",
  pending,
  error,
  onConfirm,
  ...dialog
}: ConfirmDialogProps) {
  const t = useTranslations("common.dialog");
  return (
    <Dialog {...dialog} role="alertdialog">
      {error && (
        <p role="alert" className="mb-3 text-sm text-red-600 dark:text-red-400">
          {error}
        </p>
      )}
      <div className="flex flex-wrap justify-end gap-2">
        <Button variant="secondary" autoFocus onClick={() => dialog.onOpenChange(false)}>
          {cancelLabel ?? t("keep")}
        </Button>
        <Button variant={tone} loading={pending} onClick={onConfirm}>
          {confirmLabel}
        </Button>
      </div>
    </Dialog>
  );
}
