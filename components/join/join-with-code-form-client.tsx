"use client";
// Joining as the user who is signed in: only the code.
import { useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { useAction, failureOf } from "@/components/ui/use-action";
import { useLazyZodForm } from "@/components/ui/lazy-zod-form";
import { showServerErrors } from "@/components/ui/form-errors";
import { joinWithCodeAction } from "@/lib/actions/invitations";
import type { JoinResult } from "@/lib/invitations/redeem";
import { CodeField } from "./code-field";
import { JoinBanner } from "./join-banner";

// The schema loads after the page (components/ui/lazy-zod-form.ts).
const loadJoinWithCodeInput = () => import("@/lib/invitations/schemas").then((m) => m.joinWithCodeInput);

export function JoinWithCodeForm({
  initialCode,
  onJoined,
}: {
  initialCode: string;
  onJoined(result: JoinResult): void;
}) {
  const t = useTranslations("join.form");
  const form = useLazyZodForm(loadJoinWithCodeInput, { defaultValues: { code: initialCode } });
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
