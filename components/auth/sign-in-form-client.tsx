"use client";
// Sign-in: with the identity provider when single sign-on is set up, and with email + password unless SSO_ONLY turns
// passwords off. The password form is checked in the browser with the schema the sign-in itself uses; errors appear
// beside the field or above the form in plain words, and a refused single sign-on says why above the form.
import { useState } from "react";
import { signInWithPassword, signInWithSso } from "@/lib/auth/client";
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

export interface SignInOptions {
  /** The identity provider's next-auth id and its name, when single sign-on is set up. */
  sso: { providerId: string; name: string } | null;
  passwords: boolean;
  /** The error code next-auth or the SSO sign-in sent back here (?error=…). */
  error: string | null;
}

const SSO_ERRORS = ["sso-no-role", "sso-no-email", "sso-email-taken", "sso-no-organization"] as const;

export function SignInForm({ sso, passwords, error }: SignInOptions) {
  const t = useTranslations("signIn");
  const ssoErrors = useTranslations("signIn.ssoErrors");
  const [redirecting, setRedirecting] = useState(false);
  const ssoError =
    sso && error
      ? ssoErrors(
          (SSO_ERRORS as readonly string[]).includes(error) ? (error as (typeof SSO_ERRORS)[number]) : "failed",
          {
            name: sso.name,
          },
        )
      : "";
  return (
    <Card>
      <div className="space-y-4">
        {ssoError && (
          <p
            className="rounded-md bg-red-50 p-3 text-sm text-red-700 dark:bg-red-950 dark:text-red-300"
            data-testid="sso-error"
            role="alert"
          >
            {ssoError}
          </p>
        )}
        {sso && (
          <>
            {!passwords && (
              <p className="text-sm text-slate-600 dark:text-slate-400">{t("ssoOnly", { name: sso.name })}</p>
            )}
            <Button
              type="button"
              className="w-full"
              loading={redirecting}
              onClick={() => {
                setRedirecting(true);
                void signInWithSso(sso.providerId, "/");
              }}
            >
              {t("sso", { name: sso.name })}
            </Button>
            {passwords && <p className="text-center text-sm text-slate-600 dark:text-slate-400">{t("orPassword")}</p>}
          </>
        )}
        {passwords && <PasswordForm />}
      </div>
    </Card>
  );
}

function PasswordForm() {
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
  );
}
