import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getCurrentUser, landingPathFor } from "@/lib/auth/session";
import { SignInForm } from "@/components/auth/sign-in-form-client";
import { passwordsAllowed, ssoSettings, SSO_PROVIDER_ID } from "@/lib/auth/sso";

export async function generateMetadata() {
  const t = await getTranslations("signIn");
  return { title: t("title") };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ error?: string | string[] }> }) {
  const user = await getCurrentUser();
  const { error } = await searchParams;
  const sso = ssoSettings();
  if (user) redirect(await landingPathFor(user));
  const t = await getTranslations();
  return (
    <main className="flex min-h-dvh items-center justify-center p-4">
      <div className="w-full max-w-sm">
        <div className="mb-6 text-center">
          <p className="text-3xl" aria-hidden>
            ⚡
          </p>
          <h1 className="mt-2 text-2xl font-semibold">{t("app.name")}</h1>
          <p className="text-sm text-slate-600 dark:text-slate-400">{t("signIn.tagline")}</p>
        </div>
        <SignInForm
          sso={sso && { providerId: SSO_PROVIDER_ID, name: sso.name }}
          passwords={passwordsAllowed()}
          error={typeof error === "string" ? error.slice(0, 40) : null}
        />
      </div>
    </main>
  );
}
