"use client";
// The columns of the charging-key table, with the per-row actions each role may take.
import { useMemo } from "react";
import type { ColumnDef } from "@tanstack/react-table";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { SyncingBadge } from "@/components/ui/syncing-badge";
import { useFormat } from "@/components/ui/format-provider";
import type { KeyRow } from "@/lib/keys/list-keys";
import { keyName, keyStatusLabel, keyTypeLabel } from "./key-labels";

export interface Driver {
  id: string;
  name: string;
}

export interface KeyColumnsOptions {
  drivers: Driver[];
  /** Admins and dispatchers hand keys to drivers. */
  canAssign: boolean;
  /** Admins switch keys on and off. */
  isAdmin: boolean;
  /** The driver the page is finding a key for: each unassigned key offers itself. */
  assignTo: Driver | null;
  /** The key whose assignment is being saved. */
  assigningKeyId: string | null;
  onAssign(key: KeyRow, driverId: string | null): void;
  onToggle(key: KeyRow): void;
  /** Present for an admin who administers another fleet too: she may move a key there. */
  onMove?: (key: KeyRow) => void;
}

/** The fleet's own keys can be handed out and switched; a driver's own keys are only listed. */
const isFleetKey = (key: KeyRow) => key.source === "EMP";

export function useKeyColumns(options: KeyColumnsOptions): ColumnDef<KeyRow>[] {
  const t = useTranslations("keys");
  const f = useFormat();
  const { drivers, canAssign, isAdmin, assignTo, assigningKeyId, onAssign, onToggle, onMove } = options;
  return useMemo<ColumnDef<KeyRow>[]>(
    () => [
      // First, and kept in view while the table scrolls sideways: the number printed on the card names every key.
      { id: "visualNumber", header: t("columns.visualNumber"), accessorFn: (k) => k.visualNumber ?? "—" },
      { id: "name", header: t("columns.name"), accessorFn: (k) => k.name ?? "—" },
      {
        id: "keyId",
        header: t("columns.keyId"),
        cell: ({ row }) => <span className="font-mono text-xs">{row.original.keyId}</span>,
      },
      { id: "contractId", header: t("columns.contractId"), accessorFn: (k) => k.contractId ?? "—" },
      { id: "type", header: t("columns.type"), cell: ({ row }) => <Badge>{keyTypeLabel(t, row.original.type)}</Badge> },
      {
        id: "enabled",
        header: t("columns.status"),
        cell: ({ row }) => (
          <span className="inline-flex flex-wrap gap-1">
            <Badge tone={row.original.enabled ? "success" : "danger"}>
              {keyStatusLabel(t, row.original.enabled ? "enabled" : "disabled")}
            </Badge>
            {row.original.syncing && <SyncingBadge />}
          </span>
        ),
      },
      { id: "validFrom", header: t("columns.validFrom"), accessorFn: (k) => f.date(k.validFrom) },
      { id: "validTo", header: t("columns.validTo"), accessorFn: (k) => f.date(k.validTo) },
      {
        id: "driver",
        header: t("columns.driver"),
        cell: ({ row }) =>
          canAssign && isFleetKey(row.original) ? (
            <select
              aria-label={t("table.driverFor", { key: keyName(row.original) })}
              className="rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900"
              value={row.original.driverId ?? ""}
              disabled={assigningKeyId === row.original.id}
              onChange={(e) => onAssign(row.original, e.target.value || null)}
            >
              <option value="">{t("table.unassigned")}</option>
              {drivers.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </select>
          ) : (
            (row.original.driverName ?? t("table.unassigned"))
          ),
      },
      { id: "fleetName", header: t("columns.fleet"), enableSorting: false, accessorFn: (k) => k.fleetName ?? "—" },
      {
        id: "actions",
        header: "",
        meta: { label: t("columns.actions") },
        enableSorting: false,
        enableHiding: false,
        cell: ({ row }) => {
          const key = row.original;
          const move = onMove && (
            <Button size="sm" variant="ghost" disabled={key.syncing} onClick={() => onMove(key)}>
              {t("table.move")}
            </Button>
          );
          if (!isFleetKey(key)) return move ? <span className="inline-flex gap-2">{move}</span> : null;
          return (
            <span className="inline-flex gap-2">
              {assignTo && canAssign && !key.driverId && (
                <Button size="sm" loading={assigningKeyId === key.id} onClick={() => onAssign(key, assignTo.id)}>
                  {t("table.assignTo", { name: assignTo.name })}
                </Button>
              )}
              {isAdmin && (
                <Button
                  size="sm"
                  variant={key.enabled ? "secondary" : "primary"}
                  disabled={key.syncing}
                  onClick={() => onToggle(key)}
                >
                  {key.enabled ? t("table.disable") : t("table.enable")}
                </Button>
              )}
              {move}
            </span>
          );
        },
      },
    ],
    [t, f, drivers, canAssign, isAdmin, assignTo, assigningKeyId, onAssign, onToggle, onMove],
  );
}
