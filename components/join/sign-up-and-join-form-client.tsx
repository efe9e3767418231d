"use client";
// A new driver: the account and the membership in one step, then signed in with the new password.
import { useState } from "react";
import { signInWithPassword } from "@/lib/auth/client";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { InputField } from "@/components/ui/field";
import { useAction, failureOf } from "@/components/ui/use-action";
import { useLazyZodForm } from "@/components/ui/lazy-zod-form";
import { showServerErrors } from "@/components/ui/form-errors";
import { signUpAndJoinAction } from "@/lib/actions/invitations";
import { NEW_PASSWORD_MIN_LENGTH } from "@/lib/auth/password-rules";
import type { JoinResult } from "@/lib/invitations/redeem";
import { CodeField } from "./code-field";
import { JoinBanner } from "./join-banner";

// The schema loads after the page (components/ui/lazy-zod-form.ts).
const loadSignUpAndJoinInput = () => import("@/lib/invitations/schemas").then((m) => m.signUpAndJoinInput);

const FIELDS = ["name", "email", "password", "code"] as const;

export function SignUpAndJoinForm({
  initialCode,
  onJoined,
}: {
  initialCode: string;
  onJoined(result: JoinResult): void;
}) {
  const t = useTranslations("join.form");
  const form = useLazyZodForm(loadSignUpAndJoinInput, {
    defaultValues: { name: "", email: "", password: "", code: initialCode },
  });
  const [formError, setFormError] = useState("");
  const signUp = useAction(signUpAndJoinAction);
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError("");
    let joined: JoinResult;
    try {
      joined = await signUp.mutateAsync(form.getValues());
    } catch (error) {
      const failure = failureOf(error);
      if (failure) setFormError(showServerErrors(form, failure, FIELDS));
      return;
    }
    const session = await signInWithPassword({ email: values.email, password: values.password });
    if (!session || session.error) {
      setFormError(t("signInFailed", { fleet: joined.fleetName }));
      return;
    }
    onJoined(joined);
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label={t("ariaLabel")}>
      {formError && <JoinBanner tone="error">{formError}</JoinBanner>}
      <InputField label={t("name")} autoComplete="name" error={errors.name?.message} {...form.register("name")} />
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
        autoComplete="new-password"
        hint={t("passwordHint", { min: NEW_PASSWORD_MIN_LENGTH })}
        error={errors.password?.message}
        {...form.register("password")}
      />
      <CodeField error={errors.code?.message} {...form.register("code")} />
      <Button type="submit" className="w-full" loading={isSubmitting}>
        {t("signUpAndJoin")}
      </Button>
    </form>
  );
}
