"use client";
// The key table on TanStack Table, loaded after the page (see keys-page-client.tsx): sorted and paged on the
// server, its sort kept in the page's URL by the caller.
import {
  getCoreRowModel,
  useReactTable,
  type ColumnDef,
  type SortingState,
  type VisibilityState,
} from "@tanstack/react-table";
import { DataTable } from "@/components/ui/data-table";
import type { KeyRow } from "@/lib/keys/list-keys";

export function KeysTable({
  rows,
  columns,
  total,
  sorting,
  onSortingChange,
  columnVisibility,
  page,
  pageSize,
  label,
  busy,
}: {
  rows: KeyRow[];
  columns: ColumnDef<KeyRow>[];
  total: number;
  sorting: SortingState;
  onSortingChange(next: SortingState): void;
  columnVisibility: VisibilityState;
  page: number;
  pageSize: number;
  label: string;
  busy: boolean;
}) {
  const table = useReactTable({
    data: rows,
    columns,
    state: { sorting, columnVisibility, pagination: { pageIndex: page - 1, pageSize } },
    manualSorting: true,
    manualPagination: true,
    rowCount: total,
    onSortingChange: (updater) => onSortingChange(typeof updater === "function" ? updater(sorting) : updater),
    getCoreRowModel: getCoreRowModel(),
  });
  return <DataTable table={table} label={label} busy={busy} layout="scroll" cellClassName="whitespace-nowrap" />;
}
