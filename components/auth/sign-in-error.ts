// What a failed next-auth sign-in says to the person signing in: never which of email and password was wrong.
type SignInErrorKey = "rateLimited" | "invalid" | "failed";

/** Translates with the `signIn.errors` messages: `describeSignInError(code, useTranslations("signIn.errors"))`. */
export function describeSignInError(
  code: string | null | undefined,
  t: (key: SignInErrorKey, values?: { seconds: number }) => string,
): string {
  if (!code) return "";
  const rateLimited = /^rate-limited:(\d+)$/.exec(code);
  if (rateLimited) return t("rateLimited", { seconds: Number(rateLimited[1]) });
  if (code === "invalid" || code === "CredentialsSignin") return t("invalid");
  return t("failed");
}
