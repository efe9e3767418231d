"use client";
// A new fleet key: the card's UID, the number printed on it and an optional end of validity, checked in the
// browser with the action's own schema and the server's answer shown beside the same fields.
import { useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { InputField } from "@/components/ui/field";
import { failureOf, useAction } from "@/components/ui/use-action";
import { showServerErrors, useZodForm } from "@/components/ui/zod-form";
import { createFleetKeyAction } from "@/lib/actions/keys";
import { createFleetKeyInput } from "@/lib/keys/schemas";

const FIELDS = ["keyIdentifier", "visualNumber", "validTo"] as const;

export function CreateKeyForm({ fleetId, onCreated }: { fleetId: string; onCreated(message: string): void }) {
  const t = useTranslations("keys");
  const form = useZodForm(createFleetKeyInput, { defaultValues: { fleetId, keyIdentifier: "", visualNumber: "" } });
  const [formError, setFormError] = useState<string | null>(null);
  const create = useAction(createFleetKeyAction, {
    invalidates: [["keys"]],
    onSuccess: () => {
      form.reset();
      onCreated(t("create.created"));
    },
  });
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit(() => {
    setFormError(null);
    // The server parses the typed values with the same schema.
    create.mutate(form.getValues(), {
      onError: (error) => {
        const failure = failureOf(error);
        if (failure) setFormError(showServerErrors(form, failure, FIELDS));
      },
    });
  });

  return (
    <Card>
      <form
        className="grid gap-3 sm:grid-cols-4 sm:items-start"
        onSubmit={onSubmit}
        noValidate
        aria-label={t("create.label")}
      >
        <InputField
          label={t("create.keyIdentifier")}
          autoComplete="off"
          spellCheck={false}
          className="font-mono"
          error={errors.keyIdentifier?.message}
          {...form.register("keyIdentifier")}
        />
        <InputField
          label={t("create.visualNumber")}
          error={errors.visualNumber?.message}
          {...form.register("visualNumber")}
        />
        <InputField
          label={t("create.validTo")}
          type="date"
          error={errors.validTo?.message}
          {...form.register("validTo", { setValueAs: (value: string) => value || undefined })}
        />
        <Button type="submit" className="sm:mt-6" loading={create.isPending}>
          {t("create.submit")}
        </Button>
        {formError && (
          <p className="text-sm text-red-700 sm:col-span-4 dark:text-red-300" role="alert">
            {formError}
          </p>
        )}
      </form>
    </Card>
  );
}
