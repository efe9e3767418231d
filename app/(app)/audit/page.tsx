import type { SearchParams } from "nuqs/server";
import { getTranslations } from "next-intl/server";
import { requirePage } from "@/lib/auth/session";
import { AuditLogPage } from "@/components/audit/audit-log-page";

export async function generateMetadata() {
  const t = await getTranslations("audit");
  return { title: t("title") };
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { fleetId } = await requirePage("audit");
  return <AuditLogPage fleetId={fleetId} kind="fleet" searchParams={searchParams} />;
}
