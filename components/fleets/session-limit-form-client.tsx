"use client";
// Sets how long a session of the fleet may run before the watchdog raises it (1 to 168 hours).
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { InputField } from "@/components/ui/field";
import { useAction, failureOf } from "@/components/ui/use-action";
import { showServerErrors, useZodForm } from "@/components/ui/zod-form";
import { setSessionLimitAction } from "@/lib/actions/fleets";
import { SESSION_LIMIT_HOURS, setSessionLimitInput } from "@/lib/fleets/schemas";

export function SessionLimitForm({ fleetId, sessionLimitHours }: { fleetId: string; sessionLimitHours: number }) {
  const t = useTranslations("fleets.sessionLimit");
  const router = useRouter();
  const form = useZodForm(setSessionLimitInput, { defaultValues: { fleetId, sessionLimitHours } });
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const save = useAction(setSessionLimitAction, {
    onSuccess: (saved) => {
      form.reset({ fleetId, sessionLimitHours: saved.sessionLimitHours });
      setMessage({ tone: "success", text: t("saved", { hours: saved.sessionLimitHours }) });
      router.refresh();
    },
  });

  const onSubmit = form.handleSubmit(() => {
    setMessage(null);
    save.mutate(form.getValues(), {
      onError: (error) => {
        const failure = failureOf(error);
        const text = failure ? showServerErrors(form, failure, ["sessionLimitHours"]) : "";
        setMessage(text ? { tone: "error", text } : null);
      },
    });
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label={t("ariaLabel")}>
      <InputField
        label={t("label")}
        hint={t("hint")}
        type="number"
        inputMode="numeric"
        min={SESSION_LIMIT_HOURS.min}
        max={SESSION_LIMIT_HOURS.max}
        step={1}
        error={form.formState.errors.sessionLimitHours?.message}
        {...form.register("sessionLimitHours", { valueAsNumber: true })}
      />
      {message && (
        <p
          role={message.tone === "error" ? "alert" : "status"}
          className={
            message.tone === "error"
              ? "text-sm text-red-700 dark:text-red-300"
              : "text-sm text-emerald-700 dark:text-emerald-400"
          }
        >
          {message.text}
        </p>
      )}
      <Button type="submit" loading={save.isPending}>
        {t("submit")}
      </Button>
    </form>
  );
}
