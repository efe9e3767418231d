// After a password change every session opened before it ends (lib/auth/session.ts compares versions);
// the one that made the change is renewed under the new version, so its user stays signed in.
import "server-only";
import { cookies } from "next/headers";
import { decode, encode } from "next-auth/jwt";
import { env } from "@/lib/env";

const MAX_AGE_SECONDS = 12 * 60 * 60;

function cookieName(): string {
  const secure = (env().NEXTAUTH_URL ?? env().APP_URL).startsWith("https://");
  return `${secure ? "__Secure-" : ""}next-auth.session-token`;
}

export async function renewSessionCookie(sessionVersion: number): Promise<void> {
  const secret = env().NEXTAUTH_SECRET;
  if (!secret) return;
  const store = await cookies();
  const name = cookieName();
  const current = store.get(name)?.value;
  if (!current) return;
  const token = await decode({ token: current, secret });
  if (!token) return;
  store.set(name, await encode({ token: { ...token, sessionVersion }, secret, maxAge: MAX_AGE_SECONDS }), {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: name.startsWith("__Secure-"),
    maxAge: MAX_AGE_SECONDS,
  });
}
