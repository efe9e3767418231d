"use client";
// Changing one's own password: checked in the browser with the action's schema; a wrong current password,
// which only the server can tell, is shown beside that field too.
import { useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { InputField } from "@/components/ui/field";
import { failureOf, useAction } from "@/components/ui/use-action";
import { showServerErrors } from "@/components/ui/form-errors";
import { useLazyZodForm } from "@/components/ui/lazy-zod-form";
import { changePasswordAction } from "@/lib/actions/account";
import { NEW_PASSWORD_MIN_LENGTH } from "@/lib/auth/password-rules";

// The schema loads after the page (components/ui/lazy-zod-form.ts).
const loadChangePasswordInput = () => import("@/lib/auth/schemas").then((m) => m.changePasswordInput);

const FIELDS = ["currentPassword", "newPassword"] as const;
const EMPTY = { currentPassword: "", newPassword: "" };

export function ChangePasswordForm() {
  const t = useTranslations("settings.password");
  const form = useLazyZodForm(loadChangePasswordInput, { defaultValues: EMPTY });
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const change = useAction(changePasswordAction, {
    onSuccess: () => {
      form.reset(EMPTY);
      setMessage({ tone: "success", text: t("changed") });
    },
  });
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit(() => {
    setMessage(null);
    change.mutate(form.getValues(), {
      onError: (error) => {
        const failure = failureOf(error);
        const text = failure ? showServerErrors(form, failure, FIELDS) : "";
        setMessage(text ? { tone: "error", text } : null);
      },
    });
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label={t("title")}>
      <InputField
        label={t("current")}
        type="password"
        autoComplete="current-password"
        error={errors.currentPassword?.message}
        {...form.register("currentPassword")}
      />
      <InputField
        label={t("new")}
        type="password"
        autoComplete="new-password"
        hint={t("hint", { min: NEW_PASSWORD_MIN_LENGTH })}
        error={errors.newPassword?.message}
        {...form.register("newPassword")}
      />
      {message && (
        <p
          role={message.tone === "error" ? "alert" : "status"}
          className={
            message.tone === "error"
              ? "text-sm text-red-700 dark:text-red-300"
              : "text-sm text-emerald-700 dark:text-emerald-300"
          }
        >
          {message.text}
        </p>
      )}
      <Button type="submit" loading={change.isPending}>
        {t("submit")}
      </Button>
    </form>
  );
}
