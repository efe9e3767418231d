"use client";
// The board's rows and bars. A row re-renders only when its own bars change (a move touches two rows), so a
// drop on a board of 500 vehicles redraws two of them. Bars are buttons: Enter opens the move dialog, and a
// mouse drags them (HTML drag and drop) onto another row.
import { memo, useState, type DragEvent, type RefObject } from "react";
import { useTranslations } from "next-intl";
import { AlertTriangle } from "lucide-react";
import { useFormat } from "@/components/ui/format-provider";
import { cn } from "@/components/ui/cn";
import type { BoardBooking, BoardVehicle } from "@/lib/bookings/board";
import { moveTo, rowKeyOf, type BoardGrouping, type BoardRow, type PlacedBar } from "@/lib/bookings/board-layout";
import type { BookingStatus } from "@/lib/domain";

/** A lane's height in pixels; a row is as tall as its lanes. */
const LANE_PX = 28;

/** Colours by status, each with text at 4.5:1 contrast or more. */
export const STATUS_COLOURS: Record<BookingStatus, string> = {
  SUBMITTING: "border-dashed border-slate-400 bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-200",
  REQUESTED: "border-sky-400 bg-sky-100 text-sky-900 dark:bg-sky-900 dark:text-sky-100",
  PENDING: "border-sky-400 bg-sky-100 text-sky-900 dark:bg-sky-900 dark:text-sky-100",
  CONFIRMED: "border-emerald-800 bg-emerald-700 text-white",
  ATTENDING: "border-emerald-950 bg-emerald-900 text-white",
  COMPLETED: "border-slate-600 bg-slate-500 text-white dark:bg-slate-600",
  EXPIRED: "border-amber-500 bg-amber-200 text-amber-950",
  NO_SHOW: "border-red-400 bg-red-200 text-red-950",
  CANCELLED: "border-slate-300 bg-slate-50 text-slate-600 line-through dark:bg-slate-900 dark:text-slate-300",
  FAILED: "border-red-400 bg-red-200 text-red-950",
  OUTCOME_UNKNOWN: "border-amber-600 bg-amber-300 text-amber-950",
};

export interface BoardGridProps {
  rows: BoardRow[];
  /** The screen's name for each row (the unassigned row's words), by row key. */
  labelOf(row: BoardRow): string;
  grouping: BoardGrouping;
  vehicles: readonly BoardVehicle[];
  clashing: ReadonlySet<string>;
  /** Vertical lines of the axis (hours or days), as shares of the period, 0–100. */
  ticks: Array<{ at: number; label: string }>;
  /** Where "now" is on the axis, when it is in view. */
  now: number | null;
  heading: string;
  draggingRef: RefObject<BoardBooking | null>;
  onDrop(booking: BoardBooking, rowKey: string): void;
  onOpen(booking: BoardBooking): void;
}

export function BoardGrid(props: BoardGridProps) {
  const t = useTranslations("board");
  const { rows, ticks, now, heading } = props;
  return (
    <div
      className="max-h-[70dvh] overflow-auto rounded-lg border border-slate-200 dark:border-slate-800"
      role="region"
      aria-label={t("rows.label")}
      tabIndex={0}
    >
      <div className="min-w-[720px]">
        <div className="sticky top-0 z-20 flex border-b border-slate-200 bg-white text-xs text-slate-600 dark:border-slate-800 dark:bg-slate-950 dark:text-slate-300">
          <div className="sticky left-0 z-10 w-44 shrink-0 bg-white px-3 py-2 font-medium dark:bg-slate-950">
            {heading}
          </div>
          <div className="relative h-8 flex-1">
            {ticks.map((tick) => (
              <span key={tick.at} className="absolute top-2 whitespace-nowrap pl-1" style={{ left: `${tick.at}%` }}>
                {tick.label}
              </span>
            ))}
          </div>
        </div>
        <div className="relative">
          <div aria-hidden className="pointer-events-none absolute inset-y-0 left-44 right-0">
            {ticks.map((tick) => (
              <span
                key={tick.at}
                className="absolute inset-y-0 border-l border-slate-100 dark:border-slate-800"
                style={{ left: `${tick.at}%` }}
              />
            ))}
            {now !== null && (
              <span className="absolute inset-y-0 z-10 border-l-2 border-red-500" style={{ left: `${now}%` }} />
            )}
          </div>
          <ul>
            {rows.map((row) => (
              <BoardRowView
                key={row.key}
                row={row}
                label={props.labelOf(row)}
                grouping={props.grouping}
                vehicles={props.vehicles}
                clashing={props.clashing}
                draggingRef={props.draggingRef}
                onDrop={props.onDrop}
                onOpen={props.onOpen}
              />
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}

interface RowProps {
  row: BoardRow;
  label: string;
  grouping: BoardGrouping;
  vehicles: readonly BoardVehicle[];
  clashing: ReadonlySet<string>;
  draggingRef: RefObject<BoardBooking | null>;
  onDrop(booking: BoardBooking, rowKey: string): void;
  onOpen(booking: BoardBooking): void;
}

/** Equal when every bar is the same booking at the same place with the same flag: the row would look the same. */
function sameRow(a: RowProps, b: RowProps): boolean {
  if (a.row.key !== b.row.key || a.label !== b.label || a.row.lanes !== b.row.lanes || a.row.gone !== b.row.gone) {
    return false;
  }
  if (a.grouping !== b.grouping || a.vehicles !== b.vehicles || a.onDrop !== b.onDrop || a.onOpen !== b.onOpen) {
    return false;
  }
  const x = a.row.bars;
  const y = b.row.bars;
  if (x.length !== y.length) return false;
  return x.every(
    (bar, i) =>
      bar.booking === y[i]!.booking &&
      bar.left === y[i]!.left &&
      bar.lane === y[i]!.lane &&
      a.clashing.has(bar.booking.id) === b.clashing.has(bar.booking.id),
  );
}

const BoardRowView = memo(function BoardRowView({
  row,
  label,
  grouping,
  vehicles,
  clashing,
  draggingRef,
  onDrop,
  onOpen,
}: RowProps) {
  const t = useTranslations("board");
  const common = useTranslations("common");
  const f = useFormat();
  // "allowed" or "refused" while a dragged bar is over this row.
  const [over, setOver] = useState<"allowed" | "refused" | null>(null);
  const dropAllowed = () => {
    const dragged = draggingRef.current;
    if (!dragged) return null;
    // A retired vehicle's or former driver's row takes no bookings (moveTo says so with the full lists).
    if (row.gone && row.key !== rowKeyOf(dragged, grouping)) return { ok: false } as const;
    return moveTo(dragged, row.key, grouping, vehicles);
  };
  const onDragOver = (event: DragEvent) => {
    const move = dropAllowed();
    if (!move) return;
    if (move.ok) {
      event.preventDefault();
      event.dataTransfer.dropEffect = "move";
    }
    const state = move.ok ? "allowed" : "reason" in move && move.reason === "same-row" ? null : "refused";
    if (state !== over) setOver(state);
  };
  const onDragLeave = (event: DragEvent) => {
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setOver(null);
  };
  const onDropHere = (event: DragEvent) => {
    event.preventDefault();
    setOver(null);
    const dragged = draggingRef.current;
    if (dragged) onDrop(dragged, row.key);
  };
  return (
    <li
      className={cn(
        // Rows out of view are neither laid out nor painted: a board of 500 vehicles costs what is on screen.
        "flex border-b border-slate-100 [contain-intrinsic-size:auto_36px] [content-visibility:auto] last:border-b-0 dark:border-slate-800",
        over === "allowed" && "bg-brand-50 outline outline-2 -outline-offset-2 outline-brand-500 dark:bg-slate-800",
        over === "refused" && "bg-red-50 dark:bg-red-950",
      )}
      data-row-key={row.key}
      aria-label={`${label}: ${t("rows.count", { count: row.bars.length })}`}
      onDragOver={onDragOver}
      onDragLeave={onDragLeave}
      onDrop={onDropHere}
    >
      <div className="sticky left-0 z-10 w-44 shrink-0 bg-white px-3 py-1.5 dark:bg-slate-950">
        <p className="truncate whitespace-nowrap text-sm font-medium">{label}</p>
        {row.detail && <p className="truncate text-xs text-slate-500">{row.detail}</p>}
        {row.gone && (
          <p className="truncate text-xs text-amber-800 dark:text-amber-300">
            {grouping === "driver" ? t("rows.former") : t("rows.retired")}
          </p>
        )}
      </div>
      <div className="relative flex-1" style={{ height: row.lanes * LANE_PX + 8 }}>
        {row.bars.map((bar) => (
          <Bar
            key={bar.booking.id}
            bar={bar}
            label={t("bar.label", {
              status: common(`bookingStatus.${bar.booking.status}`),
              charger: bar.booking.chargerName,
              window: `${f.time(bar.booking.windowStart)}–${f.time(bar.booking.windowEnd)}`,
            })}
            doubleBooked={clashing.has(bar.booking.id) ? t("bar.doubleBooked") : null}
            grouping={grouping}
            draggingRef={draggingRef}
            onOpen={onOpen}
          />
        ))}
      </div>
    </li>
  );
}, sameRow);

/** A booking's bar; its words come from its row, so 5,000 bars cost no translation lookups of their own. */
function Bar({
  bar,
  label,
  doubleBooked,
  grouping,
  draggingRef,
  onOpen,
}: {
  bar: PlacedBar;
  label: string;
  /** The words for a double booking, when this is one. */
  doubleBooked: string | null;
  grouping: BoardGrouping;
  draggingRef: RefObject<BoardBooking | null>;
  onOpen(booking: BoardBooking): void;
}) {
  const { booking } = bar;
  const clashing = doubleBooked !== null;
  const movable = grouping === "driver" ? booking.driverMovable : grouping === "vehicle" && booking.vehicleMovable;
  return (
    <button
      type="button"
      draggable={movable}
      onDragStart={(event) => {
        draggingRef.current = booking;
        event.dataTransfer.effectAllowed = "move";
        event.dataTransfer.setData("text/plain", booking.id);
      }}
      onDragEnd={() => (draggingRef.current = null)}
      onClick={() => onOpen(booking)}
      className={cn(
        "absolute flex h-6 min-w-2 items-center gap-1 overflow-hidden rounded border px-1.5 text-left text-xs",
        "focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:ring-offset-1",
        STATUS_COLOURS[booking.status],
        movable && "cursor-grab active:cursor-grabbing",
        clashing && "ring-2 ring-red-600 ring-offset-1",
      )}
      style={{ left: `${bar.left}%`, width: `${bar.width}%`, top: bar.lane * LANE_PX + 4 }}
      title={clashing ? `${label} · ${doubleBooked}` : label}
      aria-label={clashing ? `${label}. ${doubleBooked}` : label}
      data-booking-id={booking.id}
      data-status={booking.status}
      data-clashing={clashing || undefined}
    >
      {clashing && <AlertTriangle aria-hidden className="size-3 shrink-0" />}
      <span className="truncate whitespace-nowrap">{booking.chargerName}</span>
    </button>
  );
}
