import Link from "next/link";
import { redirect } from "next/navigation";
import { Card } from "@/components/ui/card";
import { SignUpWithInvitationForm } from "@/components/invitations/sign-up-with-invitation-form-client";
import { getCurrentUser } from "@/lib/auth/session";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { getInvitationByLink, LINK_NOT_VALID } from "@/lib/fleets/invitations";
import { invitationToken } from "@/lib/fleets/schemas";

export const metadata = { title: "Invitation" };

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
  return (
    <main className="flex min-h-dvh items-center justify-center p-4">
      <div className="w-full max-w-sm">
        <div className="mb-6 text-center">
          <p className="text-3xl" aria-hidden>
            ⚡
          </p>
          <h1 className="mt-2 text-2xl font-semibold">Invitation</h1>
        </div>
        <Card className="space-y-4">
          {!invitation?.pending || !token.success ? (
            <p className="text-sm" role="status">
              {LINK_NOT_VALID}
            </p>
          ) : user ? (
            <p className="text-sm">
              This invitation is for <strong>{invitation.email}</strong>, but you are signed in as{" "}
              <strong>{user.email}</strong>. Sign out, then open the link again.
            </p>
          ) : (
            <>
              <p className="text-sm">
                {invitation.invitedBy ?? "A fleet admin"} invited <strong>{invitation.email}</strong> to join{" "}
                <strong>{invitation.fleetName}</strong> as {ROLE_LABELS[invitation.role]}. Nothing changes until you
                accept.
              </p>
              <p className="text-sm text-slate-600 dark:text-slate-400">
                Already have an account with this email?{" "}
                <Link className="underline" href="/login">
                  Sign in
                </Link>{" "}
                and answer under Invitations (the bell at the top). New here? Create your account:
              </p>
              <SignUpWithInvitationForm token={token.data} email={invitation.email} />
            </>
          )}
        </Card>
      </div>
    </main>
  );
}
