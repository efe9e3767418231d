"use client";
// Someone without an account, from an emailed invitation: her name and a password make the account (with the
// invitation's email) and accept the invitation in one step; then she is signed in and lands in the fleet.
import { useState } from "react";
import { signInWithPassword } from "@/lib/auth/client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { InputField } from "@/components/ui/field";
import { useAction, failureOf } from "@/components/ui/use-action";
import { useLazyZodForm } from "@/components/ui/lazy-zod-form";
import { showServerErrors } from "@/components/ui/form-errors";
import { JoinBanner } from "@/components/join/join-banner";
import { signUpWithInvitationAction } from "@/lib/actions/fleet-invitations";
import { NEW_PASSWORD_MIN_LENGTH } from "@/lib/auth/password-rules";

// The schema loads after the page (components/ui/lazy-zod-form.ts).
const loadSignUpWithInvitationInput = () => import("@/lib/fleets/schemas").then((m) => m.signUpWithInvitationInput);

const FIELDS = ["name", "password"] as const;

export function SignUpWithInvitationForm({ token, email }: { token: string; email: string }) {
  const t = useTranslations("invitations.signUp");
  const router = useRouter();
  const form = useLazyZodForm(loadSignUpWithInvitationInput, { defaultValues: { token, name: "", password: "" } });
  const [formError, setFormError] = useState("");
  const signUp = useAction(signUpWithInvitationAction);
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError("");
    let joined: Awaited<ReturnType<typeof signUp.mutateAsync>>;
    try {
      joined = await signUp.mutateAsync(form.getValues());
    } catch (error) {
      const failure = failureOf(error);
      if (failure) setFormError(showServerErrors(form, failure, FIELDS));
      return;
    }
    const session = await signInWithPassword({ email: joined.email, password: values.password });
    if (!session || session.error) {
      setFormError(t("signInFailed", { fleet: joined.fleetName }));
      return;
    }
    // The start page sends her where her role in the fleet begins.
    router.replace("/");
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label={t("ariaLabel")}>
      {formError && <JoinBanner tone="error">{formError}</JoinBanner>}
      <p className="text-sm text-slate-600 dark:text-slate-400">
        {t.rich("account", { email, strong: (chunks) => <strong>{chunks}</strong> })}
      </p>
      <InputField label={t("name")} autoComplete="name" error={errors.name?.message} {...form.register("name")} />
      <InputField
        label={t("password")}
        type="password"
        autoComplete="new-password"
        hint={t("passwordHint", { min: NEW_PASSWORD_MIN_LENGTH })}
        error={errors.password?.message}
        {...form.register("password")}
      />
      <Button type="submit" className="w-full" loading={isSubmitting}>
        {t("submit")}
      </Button>
    </form>
  );
}
