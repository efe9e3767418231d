"use client";
// The columns of the charging-key table, with the per-row actions each role may take.
import { useMemo } from "react";
import type { ColumnDef } from "@tanstack/react-table";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { SyncingBadge } from "@/components/ui/syncing-badge";
import { useFormat } from "@/components/ui/format-provider";
import type { KeyRow } from "@/lib/keys/list-keys";
import { keyName, keyTypeLabel } from "./key-labels";

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
  const f = useFormat();
  const { drivers, canAssign, isAdmin, assignTo, assigningKeyId, onAssign, onToggle, onMove } = options;
  return useMemo<ColumnDef<KeyRow>[]>(
    () => [
      // First, and kept in view while the table scrolls sideways: the number printed on the card names every key.
      { id: "visualNumber", header: "Visual number", accessorFn: (k) => k.visualNumber ?? "—" },
      { id: "name", header: "Name", accessorFn: (k) => k.name ?? "—" },
      {
        id: "keyId",
        header: "Key id",
        cell: ({ row }) => <span className="font-mono text-xs">{row.original.keyId}</span>,
      },
      { id: "contractId", header: "Contract id", accessorFn: (k) => k.contractId ?? "—" },
      { id: "type", header: "Type", cell: ({ row }) => <Badge>{keyTypeLabel(row.original.type)}</Badge> },
      {
        id: "enabled",
        header: "Status",
        cell: ({ row }) => (
          <span className="inline-flex flex-wrap gap-1">
            <Badge tone={row.original.enabled ? "success" : "danger"}>
              {row.original.enabled ? "Enabled" : "Disabled"}
            </Badge>
            {row.original.syncing && <SyncingBadge />}
          </span>
        ),
      },
      { id: "validFrom", header: "Valid from", accessorFn: (k) => f.date(k.validFrom) },
      { id: "validTo", header: "Valid to", accessorFn: (k) => f.date(k.validTo) },
      {
        id: "driver",
        header: "Driver",
        cell: ({ row }) =>
          canAssign && isFleetKey(row.original) ? (
            <select
              aria-label={`Driver for key ${keyName(row.original)}`}
              className="rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900"
              value={row.original.driverId ?? ""}
              disabled={assigningKeyId === row.original.id}
              onChange={(e) => onAssign(row.original, e.target.value || null)}
            >
              <option value="">Unassigned</option>
              {drivers.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </select>
          ) : (
            (row.original.driverName ?? "Unassigned")
          ),
      },
      { id: "fleetName", header: "Fleet", enableSorting: false, accessorFn: (k) => k.fleetName ?? "—" },
      {
        id: "actions",
        header: "",
        meta: { label: "Actions" },
        enableSorting: false,
        enableHiding: false,
        cell: ({ row }) => {
          const key = row.original;
          const move = onMove && (
            <Button size="sm" variant="ghost" disabled={key.syncing} onClick={() => onMove(key)}>
              Move
            </Button>
          );
          if (!isFleetKey(key)) return move ? <span className="inline-flex gap-2">{move}</span> : null;
          return (
            <span className="inline-flex gap-2">
              {assignTo && canAssign && !key.driverId && (
                <Button size="sm" loading={assigningKeyId === key.id} onClick={() => onAssign(key, assignTo.id)}>
                  Assign to {assignTo.name}
                </Button>
              )}
              {isAdmin && (
                <Button
                  size="sm"
                  variant={key.enabled ? "secondary" : "primary"}
                  disabled={key.syncing}
                  onClick={() => onToggle(key)}
                >
                  {key.enabled ? "Disable" : "Enable"}
                </Button>
              )}
              {move}
            </span>
          );
        },
      },
    ],
    [f, drivers, canAssign, isAdmin, assignTo, assigningKeyId, onAssign, onToggle, onMove],
  );
}
