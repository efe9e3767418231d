// The session history's columns, with the priorities that decide what a narrow table moves into row details.
// The headers are the `sessions.columns` messages: `t` is `useTranslations("sessions")`.
import Link from "next/link";
import type { ColumnDef } from "@tanstack/react-table";
import type { Formatter } from "@/lib/format";
import type { Translate } from "@/lib/i18n/messages";
import type { SessionListRow } from "@/lib/sessions/list-sessions";
import { SessionStatusBadge } from "./session-status-badge";

export function sessionColumns(isDriver: boolean, f: Formatter, t: Translate): ColumnDef<SessionListRow>[] {
  return [
    {
      id: "start",
      header: t("columns.start"),
      cell: ({ row }) => (
        <Link className="underline" href={`/sessions/${row.original.id}`}>
          {f.dateTime(row.original.startTime)}
        </Link>
      ),
    },
    {
      id: "status",
      header: t("columns.status"),
      cell: ({ row }) => <SessionStatusBadge status={row.original.status} />,
    },
    // What a session cost comes first as the table narrows; where and how long, later.
    ...(isDriver
      ? []
      : [
          {
            id: "driver",
            header: t("columns.driver"),
            accessorFn: (s: SessionListRow) => s.driverName ?? "—",
            meta: { priority: 3 as const },
          },
        ]),
    {
      id: "vehicle",
      header: t("columns.vehicle"),
      accessorFn: (s) => s.vehicleLabel ?? "—",
      meta: { priority: 4 },
    },
    {
      id: "charger",
      header: t("columns.charger"),
      accessorFn: (s) => s.chargerName ?? s.evseId ?? "—",
      // Long charger names wrap, so they never push the energy and cost out of view.
      cell: ({ getValue }) => <span className="whitespace-normal">{getValue<string>()}</span>,
      meta: { priority: 4, className: "min-w-40" },
    },
    { id: "operator", header: t("columns.operator"), accessorFn: (s) => s.operatorName ?? "—", meta: { priority: 5 } },
    {
      id: "duration",
      header: t("columns.duration"),
      accessorFn: (s) => f.duration(s.durationSeconds),
      meta: { priority: 3 },
    },
    { id: "energy", header: t("columns.energy"), accessorFn: (s) => f.energy(s.energyWh), meta: { priority: 2 } },
    {
      id: "cost",
      header: t("columns.cost"),
      accessorFn: (s) => f.money(s.priceInclVatMinor, s.currency),
      meta: { priority: 2 },
    },
  ];
}
