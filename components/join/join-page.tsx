// The join page frame, with or without a code from a join link.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getCurrentUser } from "@/lib/auth/session";
import { JoinForm } from "@/components/join/join-form-client";
import { ReceivedInvitations } from "@/components/invitations/received-invitations-client";
import { listReceivedInvitations } from "@/lib/fleets/invitations";

/** Open to everyone (the proxy lets /join through): new drivers sign up here with their code. */
export async function JoinPage({ code }: { code: string }) {
  const user = await getCurrentUser();
  // Someone in no fleet yet, invited by email: her invitations are answered here (the app's pages need a fleet).
  const invitations = user ? (await listReceivedInvitations(user.email)).filter((i) => i.status === "pending") : [];
  const t = await getTranslations("join.page");
  return (
    <main className="flex min-h-dvh items-center justify-center p-4">
      <div className="w-full max-w-sm">
        <div className="mb-6 text-center">
          <p className="text-3xl" aria-hidden>
            ⚡
          </p>
          <h1 className="mt-2 text-2xl font-semibold">{t("title")}</h1>
          <p className="text-sm text-slate-600 dark:text-slate-400">{t("tagline")}</p>
        </div>
        {invitations.length > 0 && (
          <div className="mb-6">
            <ReceivedInvitations invitations={invitations} />
          </div>
        )}
        <JoinForm initialCode={code} signedInAs={user ? { name: user.name, email: user.email } : null} />
        <p className="mt-4 text-center text-sm text-slate-600 dark:text-slate-400">
          {user ? (
            <Link href="/" className="underline">
              {t("backToDashboard")}
            </Link>
          ) : (
            <Link href="/login" className="underline">
              {t("backToSignIn")}
            </Link>
          )}
        </p>
      </div>
    </main>
  );
}
