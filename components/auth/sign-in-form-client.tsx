"use client";
// Email + password sign-in; errors appear beside the field or above the form in plain words.
import { useState, type FormEvent } from "react";
import { signIn } from "next-auth/react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { InputField } from "@/components/ui/field";
import { signInInput } from "@/lib/auth/schemas";

export function describeSignInError(code: string | null | undefined): string {
  if (!code) return "";
  const rateLimited = /^rate-limited:(\d+)$/.exec(code);
  if (rateLimited) return `Too many attempts. Try again in ${rateLimited[1]} s.`;
  if (code === "invalid" || code === "CredentialsSignin") return "Wrong email or password.";
  return "Signing in did not work. Please try again.";
}

export function SignInForm() {
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState("");
  const [pending, setPending] = useState(false);
  const router = useRouter();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = signInInput.safeParse({ email: form.get("email"), password: form.get("password") });
    setFormError("");
    if (!parsed.success) {
      setFieldErrors(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])));
      return;
    }
    setFieldErrors({});
    setPending(true);
    const result = await signIn("credentials", { ...parsed.data, redirect: false });
    setPending(false);
    if (!result || result.error) {
      setFormError(describeSignInError(result?.error ?? "unknown"));
      return;
    }
    // The home page sends each role where it should land.
    router.replace("/");
    router.refresh();
  }

  return (
    <Card>
      <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label="Sign in">
        {formError && (
          <p
            className="rounded-md bg-red-50 p-3 text-sm text-red-700 dark:bg-red-950 dark:text-red-300"
            data-testid="sign-in-error"
          >
            {formError}
          </p>
        )}
        <InputField label="Email" name="email" type="email" autoComplete="email" error={fieldErrors.email} required />
        <InputField
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          error={fieldErrors.password}
          required
        />
        <Button type="submit" className="w-full" loading={pending}>
          Sign in
        </Button>
        <p className="text-center text-sm text-slate-600 dark:text-slate-400">
          Driver with an invitation code?{" "}
          <Link className="underline" href="/join">
            Join a fleet
          </Link>
        </p>
      </form>
    </Card>
  );
}
