"use client";
// The new-fleet form: the permanent Plugsurfing id (suggested from the name, checked as you type), the name,
// and optionally the Petit Monde fleet group with its spending limits. Checked in the browser with the
// action's schema; the server's answer (an id taken meanwhile) lands beside the same fields.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { InputField } from "@/components/ui/field";
import { useAction, failureOf } from "@/components/ui/use-action";
import { showServerErrors, useZodForm } from "@/components/ui/zod-form";
import { createFleetAction } from "@/lib/actions/fleets";
import { createFleetInput, FLEET_ID_MAX, suggestFleetId } from "@/lib/fleets/schemas";
import { FleetGroupFields } from "./fleet-group-fields";
import { useFleetIdAvailability } from "./use-fleet-id-availability";

const FIELDS = ["plugsurfingFleetId", "name", "petitMondeFleetGroupId", "spendingLimitMonthly", "spendingLimitSession"];

export function CreateFleetForm() {
  const t = useTranslations("fleets.create");
  const router = useRouter();
  const form = useZodForm(createFleetInput, {
    // The id is checked on every keystroke: it can never be changed afterwards.
    mode: "onChange",
    defaultValues: {
      plugsurfingFleetId: "",
      name: "",
      petitMondeFleetGroupId: "",
      spendingLimitMonthly: "",
      spendingLimitSession: "",
    },
  });
  const [idEdited, setIdEdited] = useState(false);
  const [formError, setFormError] = useState("");
  const fleetId = form.watch("plugsurfingFleetId");
  const availability = useFleetIdAvailability(fleetId);
  const { errors } = form.formState;
  const idError = errors.plugsurfingFleetId?.message ?? availability.takenMessage;

  const create = useAction(createFleetAction, {
    onSuccess: (created) => {
      router.push(`/fleets/${created.fleetId}`);
      router.refresh();
    },
  });

  const onSubmit = form.handleSubmit(() => {
    setFormError("");
    // The typed strings go to the server, which parses them with the same schema.
    create.mutate(form.getValues(), {
      onError: (error) => {
        const failure = failureOf(error);
        if (failure) setFormError(showServerErrors(form, failure, FIELDS));
      },
    });
  });

  const idHint = (
    <>
      {t.rich("idHint", { strong: (chunks) => <strong>{chunks}</strong> })}{" "}
      <span aria-live="polite" data-testid="fleet-id-status">
        {fleetId.length}/{FLEET_ID_MAX}
        {!errors.plugsurfingFleetId &&
          fleetId.trim() &&
          (availability.checking ? ` · ${t("checking")}` : availability.available ? ` · ${t("available")}` : "")}
      </span>
    </>
  );

  return (
    <form onSubmit={onSubmit} noValidate className="max-w-xl space-y-4" aria-label={t("ariaLabel")}>
      {formError && (
        <p
          className="rounded-md bg-red-50 p-3 text-sm text-red-700 dark:bg-red-950 dark:text-red-300"
          data-testid="form-error"
          role="alert"
        >
          {formError}
        </p>
      )}
      <InputField
        label={t("nameLabel")}
        hint={t("nameHint")}
        error={errors.name?.message}
        {...form.register("name", {
          onChange: (event: { target: { value: string } }) => {
            if (idEdited) return;
            const suggestion = suggestFleetId(event.target.value);
            form.setValue("plugsurfingFleetId", suggestion, { shouldValidate: suggestion !== "" });
          },
        })}
      />
      <InputField
        label={t("idLabel")}
        autoCapitalize="none"
        autoCorrect="off"
        spellCheck={false}
        required
        hint={idHint}
        error={idError}
        {...form.register("plugsurfingFleetId", { onChange: () => setIdEdited(true) })}
      />
      <FleetGroupFields register={form.register} errors={errors} />
      <Button type="submit" loading={create.isPending || create.isSuccess} disabled={Boolean(idError)}>
        {t("submit")}
      </Button>
    </form>
  );
}
