"use client";
// Renames the fleet at Plugsurfing and here; the id is shown read-only because it can never change. While the
// rename waits for the two sides to agree, a "Syncing" badge stands next to the name.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { InputField } from "@/components/ui/field";
import { SyncingBadge } from "@/components/ui/syncing-badge";
import { useAction, failureOf } from "@/components/ui/use-action";
import { showServerErrors, useZodForm } from "@/components/ui/zod-form";
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
  const t = useTranslations("fleets.rename");
  const router = useRouter();
  const form = useZodForm(renameFleetInput, { defaultValues: { fleetId, name } });
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const rename = useAction(renameFleetAction, {
    onSuccess: (renamed) => {
      form.reset({ fleetId, name: renamed.name });
      setMessage({
        tone: "success",
        text: renamed.syncing ? t("renamedSyncing", { name: renamed.name }) : t("renamed", { name: renamed.name }),
      });
      router.refresh();
    },
  });

  const onSubmit = form.handleSubmit(() => {
    setMessage(null);
    rename.mutate(form.getValues(), {
      onError: (error) => {
        const failure = failureOf(error);
        const text = failure ? showServerErrors(form, failure, ["name"]) : "";
        setMessage(text ? { tone: "error", text } : null);
      },
    });
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label={t("ariaLabel")}>
      {syncing && (
        <p className="flex items-center gap-2 text-sm text-slate-600 dark:text-slate-300">
          <SyncingBadge /> {t("syncing")}
        </p>
      )}
      <InputField
        label={t("nameLabel")}
        hint={t("nameHint")}
        error={form.formState.errors.name?.message}
        {...form.register("name")}
      />
      <InputField
        label={t("idLabel")}
        value={plugsurfingFleetId}
        readOnly
        aria-readonly
        hint={t("idHint")}
        className="bg-slate-100 font-mono dark:bg-slate-800"
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
      <Button type="submit" loading={rename.isPending}>
        {t("submit")}
      </Button>
    </form>
  );
}
