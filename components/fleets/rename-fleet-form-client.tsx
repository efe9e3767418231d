"use client";
// Renames the fleet at Plugsurfing and here; the id is shown read-only because it can never change.
import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { InputField } from "@/components/ui/field";
import { renameFleetAction } from "@/lib/actions/fleets";
import { renameFleetInput } from "@/lib/fleets/schemas";

export function RenameFleetForm({
  fleetId,
  name,
  plugsurfingFleetId,
}: {
  fleetId: string;
  name: string;
  plugsurfingFleetId: string;
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
      setMessage(`Renamed to “${result.data.name}”.`);
      router.refresh();
    } else {
      setError(result.error.fieldErrors?.name ?? result.error.message);
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label="Rename fleet">
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
