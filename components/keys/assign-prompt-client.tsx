"use client";
// The banner of a key table opened for one driver ("Assign key" on the members page, or a notification):
// who is waiting for a key and how to give them one, or why the link cannot be followed here.
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { failureOf, useAction } from "@/components/ui/use-action";
import { switchFleetAction } from "@/lib/actions/account";
import type { Driver } from "./key-columns-client";

const BANNER = "flex flex-wrap items-center gap-3 rounded-md border p-3 text-sm";
const INFO = `${BANNER} border-sky-200 bg-sky-50 dark:border-sky-900 dark:bg-sky-950`;
const WARNING = `${BANNER} border-amber-200 bg-amber-50 dark:border-amber-900 dark:bg-amber-950`;

function SwitchFleet({ fleet }: { fleet: { id: string; name: string } }) {
  const router = useRouter();
  const change = useAction(switchFleetAction, { onSuccess: () => router.refresh() });
  return (
    <div className={WARNING} role="status">
      <p className="flex-1">
        This link is about a driver of <strong>{fleet.name}</strong>, which is not the fleet you are working in.
      </p>
      <Button size="sm" loading={change.isPending} onClick={() => change.mutate({ fleetId: fleet.id })}>
        Switch to {fleet.name}
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
  if (otherFleet) return <SwitchFleet fleet={otherFleet} />;
  if (missingDriver) {
    return (
      <div className={WARNING} role="status">
        <p className="flex-1">The driver this link is about is not a driver of this fleet any more.</p>
        <Button size="sm" variant="secondary" onClick={onDismiss}>
          Show all keys
        </Button>
      </div>
    );
  }
  if (!driver || !canAssign) return null;
  return (
    <div className={INFO} role="status" data-testid="assign-prompt">
      <p className="flex-1">
        <strong>{driver.name}</strong> has no charging key yet. These are the fleet&apos;s unassigned keys: press
        “Assign to {driver.name}” on one{canCreate ? ", or create a new fleet key first" : ""}.
      </p>
      <Button size="sm" variant="secondary" onClick={onDismiss}>
        Show all keys
      </Button>
    </div>
  );
}
