import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getCurrentUser } from "@/lib/auth/session";
import { PageHeader } from "@/components/ui/page-header";
import { ReceivedInvitations } from "@/components/invitations/received-invitations-client";
import { listReceivedInvitations } from "@/lib/fleets/invitations";

export async function generateMetadata() {
  const t = await getTranslations("invitations.page");
  return { title: t("title") };
}

/** Every signed-in person's own invitations to fleets, whatever her role: only those sent to her email. */
export default async function InvitationsPage() {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  const invitations = await listReceivedInvitations(user.email);
  const t = await getTranslations("invitations.page");
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <ReceivedInvitations invitations={invitations} />
    </>
  );
}
