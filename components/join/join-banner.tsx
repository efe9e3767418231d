// The message above the join form: what went wrong, or that the driver is in.
import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";

export function JoinBanner({ tone, children }: { tone: "error" | "success"; children: ReactNode }) {
  return (
    <p
      className={cn(
        "rounded-md p-3 text-sm",
        tone === "error"
          ? "bg-red-50 text-red-700 dark:bg-red-950 dark:text-red-300"
          : "bg-emerald-50 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200",
      )}
      role={tone === "error" ? "alert" : "status"}
      data-testid={tone === "error" ? "join-error" : "join-success"}
    >
      {children}
    </p>
  );
}
