"use client";
// The banner of a key table opened for one driver ("Assign key" on the members page, or a notification):
// who is waiting for a key and how to give them one, or why the link cannot be followed here.
import type { ReactNode } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { failureOf, useAction } from "@/components/ui/use-action";
import { switchFleetAction } from "@/lib/actions/account";
import type { Driver } from "./key-columns-client";

const BANNER = "flex flex-wrap items-center gap-3 rounded-md border p-3 text-sm";
const INFO = `${BANNER} border-sky-200 bg-sky-50 dark:border-sky-900 dark:bg-sky-950`;
const WARNING = `${BANNER} border-amber-200 bg-amber-50 dark:border-amber-900 dark:bg-amber-950`;

const strong = (chunks: ReactNode) => <strong>{chunks}</strong>;

function SwitchFleet({ fleet }: { fleet: { id: string; name: string } }) {
  const t = useTranslations("keys");
  const router = useRouter();
  const change = useAction(switchFleetAction, { onSuccess: () => router.refresh() });
  return (
    <div className={WARNING} role="status">
      <p className="flex-1">{t.rich("prompt.otherFleet", { fleet: fleet.name, strong })}</p>
      <Button size="sm" loading={change.isPending} onClick={() => change.mutate({ fleetId: fleet.id })}>
        {t("prompt.switchTo", { fleet: fleet.name })}
      </Button>
      {change.error && <p className="w-full text-red-700 dark:text-red-300">{failureOf(change.error)?.message}</p>}
    </div>
  );
}

export function AssignPrompt({
  driver,
  missingDriver,
  otherFleet,
  canAssign,
  canCreate,
  onDismiss,
}: {
  /** The driver the table was opened for. */
  driver: Driver | null;
  /** The link names someone who is not a driver of this fleet (any more). */
  missingDriver: boolean;
  /** The link is about another of the reader's fleets. */
  otherFleet: { id: string; name: string } | null;
  canAssign: boolean;
  /** Admins may also create a new fleet key for them. */
  canCreate: boolean;
  onDismiss(): void;
}) {
  const t = useTranslations("keys");
  if (otherFleet) return <SwitchFleet fleet={otherFleet} />;
  if (missingDriver) {
    return (
      <div className={WARNING} role="status">
        <p className="flex-1">{t("prompt.missingDriver")}</p>
        <Button size="sm" variant="secondary" onClick={onDismiss}>
          {t("prompt.showAll")}
        </Button>
      </div>
    );
  }
  if (!driver || !canAssign) return null;
  return (
    <div className={INFO} role="status" data-testid="assign-prompt">
      <p className="flex-1">
        {canCreate
          ? t.rich("prompt.noKeyOrCreate", { name: driver.name, strong })
          : t.rich("prompt.noKey", { name: driver.name, strong })}
      </p>
      <Button size="sm" variant="secondary" onClick={onDismiss}>
        {t("prompt.showAll")}
      </Button>
    </div>
  );
}
