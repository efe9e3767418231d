"use client";
// Someone with an account joins: signed in first, then the code is redeemed as that user.
import { useState } from "react";
import { signInWithPassword } from "@/lib/auth/client";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { InputField } from "@/components/ui/field";
import { useAction, failureOf } from "@/components/ui/use-action";
import { useLazyZodForm } from "@/components/ui/lazy-zod-form";
import { showServerErrors } from "@/components/ui/form-errors";
import { describeSignInError } from "@/components/auth/sign-in-error";
import { joinWithCodeAction } from "@/lib/actions/invitations";
import type { JoinResult } from "@/lib/invitations/redeem";
import { CodeField } from "./code-field";
import { JoinBanner } from "./join-banner";

// The schema loads after the page (components/ui/lazy-zod-form.ts).
const loadSignInAndJoinInput = () => import("@/lib/invitations/schemas").then((m) => m.signInAndJoinInput);

export function SignInAndJoinForm({
  initialCode,
  onJoined,
}: {
  initialCode: string;
  onJoined(result: JoinResult): void;
}) {
  const form = useLazyZodForm(loadSignInAndJoinInput, {
    defaultValues: { email: "", password: "", code: initialCode },
  });
  const [formError, setFormError] = useState("");
  const t = useTranslations("join.form");
  const signInErrorText = useTranslations("signIn.errors");
  const join = useAction(joinWithCodeAction);
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async ({ email, password }) => {
    setFormError("");
    const session = await signInWithPassword({ email, password });
    if (!session || session.error) {
      setFormError(describeSignInError(session?.error ?? "unknown", signInErrorText));
      return;
    }
    // Signed in now: a refused code leaves them signed in, and the next attempt signs in again harmlessly.
    try {
      onJoined(await join.mutateAsync({ code: form.getValues("code") }));
    } catch (error) {
      const failure = failureOf(error);
      if (failure) setFormError(showServerErrors(form, failure, ["code"]));
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label={t("ariaLabel")}>
      {formError && <JoinBanner tone="error">{formError}</JoinBanner>}
      <InputField
        label={t("email")}
        type="email"
        autoComplete="email"
        error={errors.email?.message}
        {...form.register("email")}
      />
      <InputField
        label={t("password")}
        type="password"
        autoComplete="current-password"
        error={errors.password?.message}
        {...form.register("password")}
      />
      <CodeField error={errors.code?.message} {...form.register("code")} />
      <Button type="submit" className="w-full" loading={isSubmitting}>
        {t("join")}
      </Button>
    </form>
  );
}
