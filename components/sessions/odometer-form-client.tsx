"use client";
// The vehicle's odometer reading on one session, for its cost per 100 km: admins and dispatchers enter, change or
// (left empty) remove it; the server refuses a reading that runs backwards against the vehicle's others.
import { useState } from "react";
import { useTranslations } from "next-intl";
import { useQueryClient } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { InputField } from "@/components/ui/field";
import { failureOf, useAction } from "@/components/ui/use-action";
import { showServerErrors, useZodForm } from "@/components/ui/zod-form";
import { setOdometerAction } from "@/lib/actions/sessions";
import type { SessionListRow } from "@/lib/sessions/list-sessions";
import { setOdometerInput } from "@/lib/sessions/schemas";
import { sessionQueryKey } from "./session-query";

export function OdometerForm({ fleetId, session }: { fleetId: string; session: SessionListRow }) {
  const t = useTranslations("sessions.odometer");
  const queryClient = useQueryClient();
  const form = useZodForm(setOdometerInput, {
    defaultValues: { fleetId, sessionId: session.id, odometerKm: session.odometerKm ?? "" },
  });
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const save = useAction(setOdometerAction, {
    // The reports read the readings too.
    invalidates: [["reports"]],
    onSuccess: (saved) => {
      queryClient.setQueryData<SessionListRow>(sessionQueryKey(fleetId, session.id), (current) =>
        current ? { ...current, odometerKm: saved.odometerKm } : current,
      );
      form.reset({ fleetId, sessionId: session.id, odometerKm: saved.odometerKm ?? "" });
      setMessage({
        tone: "success",
        text: saved.odometerKm === null ? t("removed") : t("saved", { km: saved.odometerKm }),
      });
    },
  });

  const onSubmit = form.handleSubmit(() => {
    setMessage(null);
    save.mutate(form.getValues(), {
      onError: (error) => {
        const failure = failureOf(error);
        const text = failure ? showServerErrors(form, failure, ["odometerKm"]) : "";
        setMessage(text ? { tone: "error", text } : null);
      },
    });
  });

  const error = form.formState.errors.odometerKm?.message;
  return (
    <form onSubmit={onSubmit} noValidate className="mt-4 space-y-2" aria-label={t("label")}>
      <div className="flex flex-wrap items-end gap-2">
        <div className="w-48">
          <InputField
            label={t("field")}
            inputMode="numeric"
            autoComplete="off"
            error={typeof error === "string" ? error : undefined}
            {...form.register("odometerKm")}
          />
        </div>
        <Button type="submit" loading={save.isPending}>
          {t("save")}
        </Button>
      </div>
      <p className="text-xs text-slate-500">{t("hint")}</p>
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
    </form>
  );
}
