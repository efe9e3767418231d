"use client";
// Someone without an account, from an emailed invitation: her name and a password make the account (with the
// invitation's email) and accept the invitation in one step; then she is signed in and lands in the fleet.
import { useState } from "react";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { InputField } from "@/components/ui/field";
import { failureOf, useAction } from "@/components/ui/use-action";
import { showServerErrors, useZodForm } from "@/components/ui/zod-form";
import { JoinBanner } from "@/components/join/join-banner";
import { signUpWithInvitationAction } from "@/lib/actions/fleet-invitations";
import { signUpWithInvitationInput } from "@/lib/fleets/schemas";

const FIELDS = ["name", "password"] as const;

export function SignUpWithInvitationForm({ token, email }: { token: string; email: string }) {
  const router = useRouter();
  const form = useZodForm(signUpWithInvitationInput, { defaultValues: { token, name: "", password: "" } });
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
    const session = await signIn("credentials", { email: joined.email, password: values.password, redirect: false });
    if (!session || session.error) {
      setFormError(`You joined ${joined.fleetName}, but signing in did not work. Please sign in on the sign-in page.`);
      return;
    }
    // The start page sends her where her role in the fleet begins.
    router.replace("/");
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label="Create your account">
      {formError && <JoinBanner tone="error">{formError}</JoinBanner>}
      <p className="text-sm text-slate-600 dark:text-slate-400">
        Your account: <strong>{email}</strong>
      </p>
      <InputField label="Your name" autoComplete="name" error={errors.name?.message} {...form.register("name")} />
      <InputField
        label="Password"
        type="password"
        autoComplete="new-password"
        hint="At least 10 characters."
        error={errors.password?.message}
        {...form.register("password")}
      />
      <Button type="submit" className="w-full" loading={isSubmitting}>
        Create account and accept
      </Button>
    </form>
  );
}
