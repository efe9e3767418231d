"use client";
// Registering a webhook: its address, a description and the events it takes; the signing secret is shown once.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { InputField } from "@/components/ui/field";
import { useAction, failureOf } from "@/components/ui/use-action";
import { showServerErrors, useZodForm } from "@/components/ui/zod-form";
import { createWebhookAction } from "@/lib/actions/webhooks";
import { WEBHOOK_EVENTS, eventMessageKey } from "@/lib/webhooks/events";
import { createWebhookInput } from "@/lib/webhooks/schemas";
import { CopyButton } from "./copy-button-client";

const FIELDS = ["url", "description", "events"] as const;

function CreatedSecret({ secret }: { secret: string }) {
  const t = useTranslations("fleets.webhooks");
  return (
    <div
      className="rounded-md bg-emerald-50 p-3 text-sm dark:bg-emerald-950"
      role="status"
      data-testid="created-secret"
    >
      <p>{t("created")}</p>
      <p className="mt-2 flex flex-wrap items-center gap-2">
        <code
          className="break-all rounded bg-white px-2 py-1 font-mono dark:bg-slate-900"
          data-testid="created-secret-value"
        >
          {secret}
        </code>
        <CopyButton value={secret} label={t("copy")} />
      </p>
    </div>
  );
}

export function CreateWebhookForm({ fleetId }: { fleetId: string }) {
  const t = useTranslations("fleets.webhooks");
  const router = useRouter();
  const empty = { fleetId, url: "", description: "", events: ["booking.status_changed" as const] };
  const form = useZodForm(createWebhookInput, { defaultValues: empty });
  const [formError, setFormError] = useState("");
  const create = useAction(createWebhookAction, {
    onSuccess: () => {
      form.reset(empty);
      router.refresh();
    },
  });
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit(() => {
    setFormError("");
    create.mutate(form.getValues(), {
      onError: (error) => {
        const failure = failureOf(error);
        if (failure) setFormError(showServerErrors(form, failure, FIELDS));
      },
    });
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label={t("ariaLabel")}>
      <div className="grid gap-3 sm:grid-cols-2">
        <InputField
          label={t("url")}
          placeholder={t("urlPlaceholder")}
          hint={t("urlHint")}
          type="url"
          inputMode="url"
          error={errors.url?.message}
          {...form.register("url")}
        />
        <InputField
          label={t("descriptionLabel")}
          placeholder={t("descriptionPlaceholder")}
          error={errors.description?.message}
          {...form.register("description")}
        />
      </div>
      <fieldset aria-describedby={errors.events ? "webhook-events-error" : undefined}>
        <legend className="text-sm font-medium text-slate-700 dark:text-slate-200">{t("eventsLegend")}</legend>
        <div className="mt-1 grid gap-1 text-sm sm:grid-cols-2">
          {WEBHOOK_EVENTS.map((event) => (
            <label key={event} className="flex items-center gap-2">
              <input type="checkbox" value={event} {...form.register("events")} />
              <span>{t(`events.${eventMessageKey(event)}`)}</span>
              <code className="text-xs text-slate-500 dark:text-slate-400">{event}</code>
            </label>
          ))}
        </div>
        {errors.events?.message && (
          <p id="webhook-events-error" className="mt-1 text-sm text-red-600 dark:text-red-400" role="status">
            {errors.events.message}
          </p>
        )}
      </fieldset>
      {formError && (
        <p className="text-sm text-red-600 dark:text-red-400" role="alert">
          {formError}
        </p>
      )}
      {create.data && <CreatedSecret secret={create.data.secret} />}
      <Button type="submit" loading={create.isPending}>
        {t("submit")}
      </Button>
    </form>
  );
}
