// What a failed next-auth sign-in says to the person signing in: never which of email and password was wrong.
export function describeSignInError(code: string | null | undefined): string {
  if (!code) return "";
  const rateLimited = /^rate-limited:(\d+)$/.exec(code);
  if (rateLimited) return `Too many attempts. Try again in ${rateLimited[1]} s.`;
  if (code === "invalid" || code === "CredentialsSignin") return "Wrong email or password.";
  return "Signing in did not work. Please try again.";
}
