import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/session";
import { PageHeader } from "@/components/ui/page-header";
import { ReceivedInvitations } from "@/components/invitations/received-invitations-client";
import { listReceivedInvitations } from "@/lib/fleets/invitations";

export const metadata = { title: "Invitations" };

/** Every signed-in person's own invitations to fleets, whatever her role: only those sent to her email. */
export default async function InvitationsPage() {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  const invitations = await listReceivedInvitations(user.email);
  return (
    <>
      <PageHeader
        title="Invitations"
        description="Fleets that invited you. You become a member only when you accept."
      />
      <ReceivedInvitations invitations={invitations} />
    </>
  );
}
