"use client";
// Email + password sign-in, checked in the browser with the schema the sign-in itself uses; errors appear
// beside the field or above the form in plain words.
import { useState } from "react";
import { signInWithPassword } from "@/lib/auth/client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { InputField } from "@/components/ui/field";
import { useLazyZodForm } from "@/components/ui/lazy-zod-form";
import { describeSignInError } from "./sign-in-error";

// The schema loads after the page (components/ui/lazy-zod-form.ts).
const loadSignInInput = () => import("@/lib/auth/schemas").then((m) => m.signInInput);

export function SignInForm() {
  const router = useRouter();
  const t = useTranslations("signIn");
  const errorText = useTranslations("signIn.errors");
  const form = useLazyZodForm(loadSignInInput, { defaultValues: { email: "", password: "" } });
  const [formError, setFormError] = useState("");
  const { errors, isSubmitting } = form.formState;

  // Not a server action: next-auth's own endpoint, which rate-limits and answers with an error code.
  const onSubmit = form.handleSubmit(async (values) => {
    setFormError("");
    const result = await signInWithPassword(values);
    if (!result || result.error) {
      setFormError(describeSignInError(result?.error ?? "unknown", errorText));
      return;
    }
    // The home page sends each role where it should land.
    router.replace("/");
    router.refresh();
  });

  return (
    <Card>
      <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label={t("title")}>
        {formError && (
          <p
            className="rounded-md bg-red-50 p-3 text-sm text-red-700 dark:bg-red-950 dark:text-red-300"
            data-testid="sign-in-error"
            role="alert"
          >
            {formError}
          </p>
        )}
        <InputField
          label={t("email")}
          type="email"
          autoComplete="email"
          required
          error={errors.email?.message}
          {...form.register("email")}
        />
        <InputField
          label={t("password")}
          type="password"
          autoComplete="current-password"
          required
          error={errors.password?.message}
          {...form.register("password")}
        />
        <Button type="submit" className="w-full" loading={isSubmitting}>
          {t("submit")}
        </Button>
        <p className="text-center text-sm text-slate-600 dark:text-slate-400">
          {t("withCode")}{" "}
          <Link className="underline" href="/join">
            {t("join")}
          </Link>
        </p>
      </form>
    </Card>
  );
}
