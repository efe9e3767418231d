"use client";
// Renames the fleet at Plugsurfing and here; the id is shown read-only because it can never change. While the
// rename waits for the two sides to agree, a "Syncing" badge stands next to the name.
import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { InputField } from "@/components/ui/field";
import { SyncingBadge } from "@/components/ui/syncing-badge";
import { renameFleetAction } from "@/lib/actions/fleets";
import { renameFleetInput } from "@/lib/fleets/schemas";

export function RenameFleetForm({
  fleetId,
  name,
  plugsurfingFleetId,
  syncing = false,
}: {
  fleetId: string;
  name: string;
  plugsurfingFleetId: string;
  /** A rename is still being synced with the provider. */
  syncing?: boolean;
}) {
  const router = useRouter();
  const [error, setError] = useState<string | string[] | undefined>();
  const [message, setMessage] = useState("");
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setMessage("");
    const input = { fleetId, name: new FormData(event.currentTarget).get("name") };
    const parsed = renameFleetInput.safeParse(input);
    if (!parsed.success) {
      setError(parsed.error.issues[0].message);
      return;
    }
    setError(undefined);
    setPending(true);
    const result = await renameFleetAction(parsed.data);
    setPending(false);
    if (result.ok) {
      setMessage(
        result.data.syncing
          ? `Renamed to “${result.data.name}” at the provider; the dashboard shows the new name once it has caught up.`
          : `Renamed to “${result.data.name}”.`,
      );
      router.refresh();
    } else {
      setError(result.error.fieldErrors?.name ?? result.error.message);
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label="Rename fleet">
      {syncing && (
        <p className="flex items-center gap-2 text-sm text-slate-600 dark:text-slate-300">
          <SyncingBadge /> The last rename is being synced with the charging provider.
        </p>
      )}
      <InputField label="Fleet name" name="name" defaultValue={name} error={error} hint="At most 100 characters." />
      <InputField
        label="Plugsurfing fleet id"
        value={plugsurfingFleetId}
        readOnly
        aria-readonly
        hint="Fixed when the fleet was created; Plugsurfing does not allow changing it."
        className="bg-slate-100 font-mono dark:bg-slate-800"
      />
      {message && (
        <p role="status" className="text-sm text-emerald-700 dark:text-emerald-400">
          {message}
        </p>
      )}
      <Button type="submit" loading={pending}>
        Rename
      </Button>
    </form>
  );
}
