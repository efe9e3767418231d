// next-auth configuration: email + password (argon2id), JWT sessions, sign-in attempts rate-limited.
import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { writeAudit } from "@/lib/audit";
import { addressFromHeaders } from "@/lib/http/request-address";
import { signInInput } from "@/lib/auth/schemas";
import { DUMMY_PASSWORD_HASH, verifyPassword } from "@/lib/auth/password";
import { assertNotBlocked, clearAttempts, recordFailure, TooManyAttemptsError } from "@/lib/rate-limit";

export function authOptions(): NextAuthOptions {
  const secure = (env().NEXTAUTH_URL ?? env().APP_URL).startsWith("https://");
  return {
    secret: env().NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
    useSecureCookies: secure,
    pages: { signIn: "/login", error: "/login" },
    providers: [
      CredentialsProvider({
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
              await recordFailure(keys);
              throw new Error("invalid");
            }
            await clearAttempts([keys[0]]);
            await writeAudit({ actorId: user.id, action: "auth.sign-in", objectType: "User", objectId: user.id });
            return { id: user.id, email: user.email, name: user.name };
          } catch (error) {
            if (error instanceof TooManyAttemptsError) throw new Error(`rate-limited:${error.retryAfterSeconds}`);
            throw error;
          }
        },
      }),
    ],
    callbacks: {
      session({ session, token }) {
        if (session.user && token.sub) (session.user as { id?: string }).id = token.sub;
        return session;
      },
    },
  };
}
