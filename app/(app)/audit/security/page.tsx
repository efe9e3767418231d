import type { SearchParams } from "nuqs/server";
import { requirePage } from "@/lib/auth/session";
import { AuditLogPage } from "@/components/audit/audit-log-page";

export const metadata = { title: "Security log" };

export default async function SecurityLogPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { fleetId } = await requirePage("audit");
  return <AuditLogPage fleetId={fleetId} kind="security" searchParams={searchParams} />;
}
