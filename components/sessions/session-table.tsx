"use client";
// The session history's table: its columns on TanStack Table, one page of rows at a time.
import { getCoreRowModel, useReactTable } from "@tanstack/react-table";
import { useMemo } from "react";
import { useTranslations } from "next-intl";
import { DataTable } from "@/components/ui/data-table";
import { useFormat } from "@/components/ui/format-provider";
import type { SessionListRow } from "@/lib/sessions/list-sessions";
import { sessionColumns } from "./session-columns";

export function SessionTable({ rows, isDriver, busy }: { rows: SessionListRow[]; isDriver: boolean; busy: boolean }) {
  const t = useTranslations("sessions");
  const f = useFormat();
  const columns = useMemo(() => sessionColumns(isDriver, f, t), [isDriver, f, t]);
  const table = useReactTable({
    data: rows,
    columns,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (s) => s.id,
    manualPagination: true,
  });
  return (
    <DataTable
      table={table}
      label={t("history.tableLabel")}
      busy={busy}
      cellClassName="whitespace-nowrap"
      rowLabel={(s) => t("history.rowLabel", { start: f.dateTime(s.startTime) })}
    />
  );
}
