"use client";
// Inviting someone by email with a role. The person accepts or declines herself; the answer here is the same
// whether or not the email has an account, so it never tells who has one.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { InputField, SelectField } from "@/components/ui/field";
import { useAction, failureOf } from "@/components/ui/use-action";
import { showServerErrors, useZodForm } from "@/components/ui/zod-form";
import { ROLES } from "@/lib/auth/permissions";
import { inviteMemberAction } from "@/lib/actions/fleets";
import { inviteMemberInput } from "@/lib/fleets/schemas";

const FIELDS = ["email", "role"] as const;

export function InviteMemberForm({ fleetId }: { fleetId: string }) {
  const t = useTranslations("fleets.invite");
  const roles = useTranslations("roles");
  const router = useRouter();
  const empty = { fleetId, email: "", role: "DRIVER" as const };
  const form = useZodForm(inviteMemberInput, { defaultValues: empty });
  const [formError, setFormError] = useState("");
  const [sent, setSent] = useState<string | null>(null);
  const invite = useAction(inviteMemberAction, { onSuccess: () => router.refresh() });
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit(() => {
    setFormError("");
    setSent(null);
    invite.mutate(form.getValues(), {
      onSuccess: ({ message }) => {
        setSent(message);
        form.reset(empty);
      },
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
          label={t("email")}
          type="email"
          autoComplete="off"
          error={errors.email?.message}
          {...form.register("email")}
        />
        <SelectField label={t("role")} error={errors.role?.message} {...form.register("role")}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {roles(r)}
            </option>
          ))}
        </SelectField>
      </div>
      <p className="text-xs text-slate-600 dark:text-slate-400">{t("help")}</p>
      {formError && (
        <p className="text-sm text-red-600 dark:text-red-400" role="alert">
          {formError}
        </p>
      )}
      {sent && (
        <p
          className="rounded-md bg-emerald-50 p-3 text-sm dark:bg-emerald-950"
          role="status"
          data-testid="invite-result"
        >
          {sent}
        </p>
      )}
      <Button type="submit" loading={invite.isPending}>
        {t("submit")}
      </Button>
    </form>
  );
}
