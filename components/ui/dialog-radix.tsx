"use client";
// The dialog itself, on Radix UI: loaded only once a page has rendered (components/ui/dialog.tsx).
import * as RadixDialog from "@radix-ui/react-dialog";
import type { DialogProps } from "./dialog";
import { cn } from "./cn";

export function RadixDialogView({
  open,
  onOpenChange,
  title,
  description,
  children,
  role = "dialog",
  className,
}: DialogProps) {
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
