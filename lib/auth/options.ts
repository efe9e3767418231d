// next-auth configuration: email + password (argon2id, off with SSO_ONLY) and single sign-on with OpenID Connect
// when configured (lib/auth/sso.ts); JWT sessions; password sign-in attempts rate-limited.
import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { writeAudit } from "@/lib/audit";
import { addressFromHeaders } from "@/lib/http/request-address";
import { signInInput } from "@/lib/auth/schemas";
import { DUMMY_PASSWORD_HASH, verifyPassword } from "@/lib/auth/password";
import { passwordsAllowed, ssoProvider, SSO_PROVIDER_ID, type SsoUser } from "@/lib/auth/sso";
import { assertNotBlocked, clearAttempts, recordFailure, TooManyAttemptsError } from "@/lib/rate-limit";

export function authOptions(): NextAuthOptions {
  const secure = (env().NEXTAUTH_URL ?? env().APP_URL).startsWith("https://");
  const sso = ssoProvider();
  return {
    secret: env().NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
    useSecureCookies: secure,
    pages: { signIn: "/login", error: "/login" },
    providers: [...(sso ? [sso] : []), ...(passwordsAllowed() ? [passwordProvider()] : [])],
    events: {
      async signOut({ token }) {
        if (token?.sub)
          await writeAudit({ actorId: token.sub, action: "auth.sign-out", objectType: "User", objectId: token.sub });
      },
    },
    callbacks: {
      // A sign-in the identity provider allowed but this app does not: back to the sign-in page, saying why.
      signIn({ user, account }) {
        const refused = account?.provider === SSO_PROVIDER_ID ? (user as SsoUser).refused : undefined;
        return refused ? `/login?error=${refused}` : true;
      },
      redirect: ({ url, baseUrl }) => safeRedirect(url, baseUrl),
      jwt({ token, user }) {
        // Signed in just now: the session remembers the password version it was opened under.
        if (user) token.sessionVersion = (user as { sessionVersion?: number }).sessionVersion ?? 0;
        return token;
      },
      session({ session, token }) {
        if (session.user && token.sub) {
          Object.assign(session.user, { id: token.sub, sessionVersion: token.sessionVersion ?? 0 });
        }
        return session;
      },
    },
  };
}

/**
 * Where to go after signing in or out: a path or a URL of this app, else the start page. A callbackUrl is
 * user input; one that is neither a URL nor a path (or points to another site) must not fail the request.
 */
export function safeRedirect(url: string, baseUrl: string): string {
  if (url.startsWith("/") && !url.startsWith("//") && !url.startsWith("/\\")) return `${baseUrl}${url}`;
  try {
    const target = new URL(url);
    return target.origin === new URL(baseUrl).origin ? target.toString() : baseUrl;
  } catch {
    return baseUrl;
  }
}

/** Email and password, checked against the argon2id hash, rate-limited per account and per address. */
function passwordProvider() {
  return CredentialsProvider({
    name: "Email",
    credentials: { email: { label: "Email" }, password: { label: "Password", type: "password" } },
    async authorize(raw, request) {
      const parsed = signInInput.safeParse(raw);
      if (!parsed.success) throw new Error("invalid");
      const { email, password } = parsed.data;
      // Per address only when the address is known: never one bucket shared by every unknown client.
      const ip = addressFromHeaders(request?.headers as Record<string, string> | undefined);
      const keys: Array<["signInPerAccount" | "signInPerIp", string]> = [
        ["signInPerAccount", email],
        ...(ip ? [["signInPerIp", ip] as ["signInPerIp", string]] : []),
      ];
      try {
        await assertNotBlocked(keys);
        const user = await db.user.findUnique({ where: { email } });
        // Verify against a dummy hash for unknown accounts so both paths take the same time.
        const valid = await verifyPassword(password, user?.passwordHash ?? DUMMY_PASSWORD_HASH);
        if (!user || !valid) {
          // Who tried is recorded only for an existing account; an unknown email is not stored.
          const attempt = { actorId: user?.id ?? null, objectType: "User", objectId: user?.id ?? null, ip };
          try {
            await recordFailure(keys);
          } catch (error) {
            if (error instanceof TooManyAttemptsError) await writeAudit({ ...attempt, action: "auth.locked-out" });
            throw error;
          }
          await writeAudit({ ...attempt, action: "auth.sign-in-failed" });
          throw new Error("invalid");
        }
        await clearAttempts([keys[0]]);
        await writeAudit({ actorId: user.id, action: "auth.sign-in", objectType: "User", objectId: user.id, ip });
        return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
      } catch (error) {
        if (error instanceof TooManyAttemptsError) throw new Error(`rate-limited:${error.retryAfterSeconds}`);
        throw error;
      }
    },
  });
}
