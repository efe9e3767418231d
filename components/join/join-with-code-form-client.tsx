"use client";
// Joining as the user who is signed in: only the code.
import { useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { useAction, failureOf } from "@/components/ui/use-action";
import { showServerErrors, useZodForm } from "@/components/ui/zod-form";
import { joinWithCodeAction } from "@/lib/actions/invitations";
import { joinWithCodeInput } from "@/lib/invitations/schemas";
import type { JoinResult } from "@/lib/invitations/redeem";
import { CodeField } from "./code-field";
import { JoinBanner } from "./join-banner";

export function JoinWithCodeForm({
  initialCode,
  onJoined,
}: {
  initialCode: string;
  onJoined(result: JoinResult): void;
}) {
  const t = useTranslations("join.form");
  const form = useZodForm(joinWithCodeInput, { defaultValues: { code: initialCode } });
  const [formError, setFormError] = useState("");
  const join = useAction(joinWithCodeAction, { onSuccess: onJoined });

  const onSubmit = form.handleSubmit(() => {
    setFormError("");
    join.mutate(form.getValues(), {
      onError: (error) => {
        const failure = failureOf(error);
        if (failure) setFormError(showServerErrors(form, failure, ["code"]));
      },
    });
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label={t("ariaLabel")}>
      {formError && <JoinBanner tone="error">{formError}</JoinBanner>}
      <CodeField error={form.formState.errors.code?.message} {...form.register("code")} />
      <Button type="submit" className="w-full" loading={join.isPending || join.isSuccess}>
        {t("join")}
      </Button>
    </form>
  );
}
