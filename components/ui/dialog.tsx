"use client";
// Dialogs on Radix UI: focus trapped inside, Escape and an outside click close, focus returns to the
// opener, the title and description name the dialog for screen readers.
import * as RadixDialog from "@radix-ui/react-dialog";
import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { Button } from "./button";
import { cn } from "./cn";

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

export function Dialog({ open, onOpenChange, title, description, children, role = "dialog", className }: DialogProps) {
  return (
    <RadixDialog.Root open={open} onOpenChange={onOpenChange}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="fixed inset-0 z-40 bg-slate-950/40 backdrop-blur-[1px]" />
        <RadixDialog.Content
          role={role}
          className={cn(
            "fixed left-1/2 top-1/2 z-50 max-h-[90dvh] w-[min(32rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2",
            "overflow-y-auto rounded-lg border border-slate-200 bg-white p-5 shadow-xl focus:outline-none",
            "dark:border-slate-700 dark:bg-slate-900",
            className,
          )}
          {...(description ? {} : { "aria-describedby": undefined })}
        >
          <RadixDialog.Title className="text-lg font-semibold">{title}</RadixDialog.Title>
          {description && (
            <RadixDialog.Description className="mt-1 text-sm text-slate-600 dark:text-slate-300">
              {description}
            </RadixDialog.Description>
          )}
          <div className="mt-4">{children}</div>
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}

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
        <RadixDialog.Close asChild>
          <Button variant="secondary" autoFocus>
            {cancelLabel ?? t("keep")}
          </Button>
        </RadixDialog.Close>
        <Button variant={tone} loading={pending} onClick={onConfirm}>
          {confirmLabel}
        </Button>
      </div>
    </Dialog>
  );
}
