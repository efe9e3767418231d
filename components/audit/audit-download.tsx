"use client";
// Download the entries the filters show (every page of them) as CSV.
import { useTranslations } from "next-intl";
import { apiUrl } from "@/lib/api/client";
import { api } from "@/lib/api/endpoints";
import type { AuditExportInput } from "@/lib/audit-log/schemas";
import { useAuditFilters } from "./audit-filter-bar";

export function AuditDownload({
  fleetId,
  view,
  timeZone,
}: {
  fleetId: string;
  view: AuditExportInput["view"];
  timeZone: string;
}) {
  const t = useTranslations("common");
  const { params } = useAuditFilters();
  const href = apiUrl(api.audit.export, {
    fleetId,
    view,
    timeZone,
    action: params.action ?? undefined,
    actor: params.actor ?? undefined,
    object: params.object ?? undefined,
    from: params.from ?? undefined,
    to: params.to ?? undefined,
  });
  return (
    <a
      className="inline-flex h-10 items-center rounded-md border border-slate-300 px-3 text-sm dark:border-slate-700"
      href={href}
      download
    >
      {t("actions.downloadCsv")}
    </a>
  );
}
