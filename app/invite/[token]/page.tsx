import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { SignUpWithInvitationForm } from "@/components/invitations/sign-up-with-invitation-form-client";
import { getCurrentUser } from "@/lib/auth/session";
import { getInvitationByLink } from "@/lib/fleets/invitations";
import { invitationToken } from "@/lib/fleets/schemas";

export async function generateMetadata() {
  const t = await getTranslations("invitations.link");
  return { title: t("title") };
}

/**
 * The link of an invitation email, open to everyone (the proxy lets /invite/ through): only whoever received
 * the email holds it. Signed in with the invited email, she answers on the Invitations page.
 */
export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const token = invitationToken.safeParse((await params).token);
  const invitation = token.success ? await getInvitationByLink(token.data) : null;
  const user = await getCurrentUser();
  const forThisUser = invitation && user && user.email.toLowerCase() === invitation.email.toLowerCase();
  if (invitation?.pending && forThisUser) redirect("/invitations");
  const t = await getTranslations("invitations.link");
  const roles = await getTranslations("roles");
  const strong = (chunks: React.ReactNode) => <strong>{chunks}</strong>;
  return (
    <main className="flex min-h-dvh items-center justify-center p-4">
      <div className="w-full max-w-sm">
        <div className="mb-6 text-center">
          <p className="text-3xl" aria-hidden>
            ⚡
          </p>
          <h1 className="mt-2 text-2xl font-semibold">{t("title")}</h1>
        </div>
        <Card className="space-y-4">
          {!invitation?.pending || !token.success ? (
            <p className="text-sm" role="status">
              {t("notValid")}
            </p>
          ) : user ? (
            <p className="text-sm">{t.rich("otherUser", { email: invitation.email, user: user.email, strong })}</p>
          ) : (
            <>
              <p className="text-sm">
                {t.rich("invited", {
                  by: invitation.invitedBy ?? t("someAdmin"),
                  email: invitation.email,
                  fleet: invitation.fleetName,
                  role: roles(invitation.role),
                  strong,
                })}
              </p>
              <p className="text-sm text-slate-600 dark:text-slate-400">
                {t.rich("haveAccount", {
                  link: (chunks) => (
                    <Link className="underline" href="/login">
                      {chunks}
                    </Link>
                  ),
                })}
              </p>
              <SignUpWithInvitationForm token={token.data} email={invitation.email} />
            </>
          )}
        </Card>
      </div>
    </main>
  );
}
