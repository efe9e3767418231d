import type { SearchParams } from "nuqs/server";
import { getTranslations } from "next-intl/server";
import { requirePage } from "@/lib/auth/session";
import { AuditLogPage } from "@/components/audit/audit-log-page";

export async function generateMetadata() {
  const t = await getTranslations("audit");
  return { title: t("securityTitle") };
}

export default async function SecurityLogPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { fleetId } = await requirePage("audit");
  return <AuditLogPage fleetId={fleetId} kind="security" searchParams={searchParams} />;
}
