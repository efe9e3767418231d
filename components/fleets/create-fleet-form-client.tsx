"use client";
// The new-fleet form: the permanent Plugsurfing id (suggested from the name, checked as you type), the name,
// and optionally the Petit Monde fleet group with its spending limits.
import { useEffect, useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useQuery } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { InputField } from "@/components/ui/field";
import { createFleetAction, checkFleetIdAction } from "@/lib/actions/fleets";
import {
  createFleetInput,
  FLEET_ID_MAX,
  FLEET_ID_RULES,
  plugsurfingFleetId,
  suggestFleetId,
} from "@/lib/fleets/schemas";

type Errors = Record<string, string[] | undefined>;

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

export function CreateFleetForm() {
  const router = useRouter();
  const [name, setName] = useState("");
  const [fleetId, setFleetId] = useState("");
  const [idEdited, setIdEdited] = useState(false);
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState("");
  const [pending, setPending] = useState(false);

  const localIdError = fleetId ? plugsurfingFleetId.safeParse(fleetId).error?.issues[0]?.message : undefined;
  const debouncedId = useDebounced(fleetId.trim(), 400);
  const availability = useQuery({
    queryKey: ["fleets", "check-id", debouncedId],
    enabled: Boolean(debouncedId) && plugsurfingFleetId.safeParse(debouncedId).success,
    staleTime: 5_000,
    queryFn: async () => {
      const result = await checkFleetIdAction({ plugsurfingFleetId: debouncedId });
      if (!result.ok) throw new Error(result.error.message);
      return result.data;
    },
  });
  const checking = fleetId.trim() !== debouncedId || availability.isFetching;
  const takenError =
    !checking && availability.data && !availability.data.available ? availability.data.message : undefined;

  function onNameChange(value: string) {
    setName(value);
    if (!idEdited) setFleetId(suggestFleetId(value));
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError("");
    const form = new FormData(event.currentTarget);
    const raw = {
      plugsurfingFleetId: fleetId,
      name,
      petitMondeFleetGroupId: String(form.get("petitMondeFleetGroupId") ?? ""),
      spendingLimitMonthly: String(form.get("spendingLimitMonthly") ?? ""),
      spendingLimitSession: String(form.get("spendingLimitSession") ?? ""),
    };
    const parsed = createFleetInput.safeParse(raw);
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), [i.message]])));
      return;
    }
    setErrors({});
    setPending(true);
    // The raw strings go to the server, which parses them with the same schema.
    const result = await createFleetAction(raw);
    setPending(false);
    if (result.ok) {
      router.push(`/fleets/${result.data.fleetId}`);
      router.refresh();
      return;
    }
    setErrors(result.error.fieldErrors ?? {});
    if (!result.error.fieldErrors) setFormError(result.error.message);
  }

  const idHint = (
    <>
      <strong>Permanent:</strong> Plugsurfing uses this id in every call and it can never be changed. {FLEET_ID_RULES}{" "}
      <span aria-live="polite" data-testid="fleet-id-status">
        {fleetId.length}/{FLEET_ID_MAX}
        {!localIdError &&
          debouncedId &&
          (checking ? " · checking…" : availability.data?.available ? " · available" : "")}
      </span>
    </>
  );

  return (
    <form onSubmit={onSubmit} noValidate className="max-w-xl space-y-4" aria-label="Create a fleet">
      {formError && (
        <p
          className="rounded-md bg-red-50 p-3 text-sm text-red-700 dark:bg-red-950 dark:text-red-300"
          data-testid="form-error"
        >
          {formError}
        </p>
      )}
      <InputField
        label="Fleet name (optional)"
        name="name"
        value={name}
        onChange={(e) => onNameChange(e.target.value)}
        hint="Shown in the dashboard and at Plugsurfing; you can rename it later. At most 100 characters."
        error={errors.name}
      />
      <InputField
        label="Plugsurfing fleet id"
        name="plugsurfingFleetId"
        value={fleetId}
        onChange={(e) => {
          setIdEdited(true);
          setFleetId(e.target.value);
          setErrors((prev) => ({ ...prev, plugsurfingFleetId: undefined }));
        }}
        autoCapitalize="none"
        autoCorrect="off"
        spellCheck={false}
        required
        hint={idHint}
        error={errors.plugsurfingFleetId ?? localIdError ?? takenError}
      />
      <details className="rounded-md border border-slate-200 p-3 dark:border-slate-800">
        <summary className="cursor-pointer text-sm font-medium">Link a Petit Monde fleet group (optional)</summary>
        <div className="mt-3 space-y-3">
          <InputField
            label="Petit Monde fleet_group_id"
            name="petitMondeFleetGroupId"
            hint="Created in the Petit Monde dashboard; bookings with the group token are billed to it."
            error={errors.petitMondeFleetGroupId}
          />
          <InputField
            label="Monthly spending limit (EUR)"
            name="spendingLimitMonthly"
            inputMode="decimal"
            hint="Empty for no limit."
            error={errors.spendingLimitMonthly}
          />
          <InputField
            label="Per-session spending limit (EUR)"
            name="spendingLimitSession"
            inputMode="decimal"
            hint="Empty for no limit."
            error={errors.spendingLimitSession}
          />
        </div>
      </details>
      <Button type="submit" loading={pending} disabled={Boolean(localIdError || takenError)}>
        Create fleet
      </Button>
    </form>
  );
}
