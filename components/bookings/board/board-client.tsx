"use client";
// The dispatch board: a day or a week of the fleet's bookings, rows by vehicle, driver or charge point, kept
// in the URL. Bars take their status colour and follow the provider as the reconciler learns (polled); a bar
// dragged onto another row — or moved from its dialog — hands the booking over at once on screen, then on
// the server, which checks it again and tells the new driver. A refused move puts the bar back and says why.
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import { parseAsIsoDate, parseAsString, parseAsStringLiteral, useQueryStates } from "nuqs";
import { TZDate } from "@date-fns/tz";
import { reassignBookingAction } from "@/lib/actions/bookings";
import { api } from "@/lib/api/endpoints";
import { apiGet, apiKey } from "@/lib/api/client";
import type { BoardBooking } from "@/lib/bookings/board";
import {
  BOARD_GROUPINGS,
  BOARD_SPANS,
  UNASSIGNED_ROW,
  boardRows,
  doubleBookings,
  movedBooking,
  moveTo,
  withMoves,
  type BoardGrouping,
  type BoardRow,
  type BoardSpan,
} from "@/lib/bookings/board-layout";
import { todayInZone } from "@/lib/reports/period";
import { BOOKING_STATUSES } from "@/lib/domain";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { SelectField } from "@/components/ui/field";
import { useFormat } from "@/components/ui/format-provider";
import { Spinner } from "@/components/ui/spinner";
import { failureOf, useAction } from "@/components/ui/use-action";
import { cn } from "@/components/ui/cn";
import { BoardGrid, STATUS_COLOURS } from "./board-grid";

// The dialog loads when a bar is first opened: no dialog is open on arrival.
const BoardMoveDialog = dynamic(() => import("./board-move-dialog").then((m) => m.BoardMoveDialog), { ssr: false });

const boardParsers = {
  from: parseAsIsoDate,
  span: parseAsStringLiteral(BOARD_SPANS).withDefault("day"),
  group: parseAsStringLiteral(BOARD_GROUPINGS).withDefault("vehicle"),
  depot: parseAsString,
};

type Change = { vehicleId?: string | null; driverId?: string | null };

function shiftDay(isoDay: string, days: number): string {
  const [y, m, d] = isoDay.split("-").map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! + days)).toISOString().slice(0, 10);
}

/** Runs after the browser has drawn what React just committed: a frame, then the task after it. */
function afterNextPaint(callback: () => void) {
  requestAnimationFrame(() => setTimeout(callback, 0));
}

export function DispatchBoard({ fleetId }: { fleetId: string }) {
  const t = useTranslations("board");
  const f = useFormat();
  const timeZone = f.timeZone ?? "UTC";
  const [view, setView] = useQueryStates(boardParsers, { history: "replace", scroll: false });
  const from = view.from?.toISOString().slice(0, 10) ?? todayInZone(timeZone);
  const span: BoardSpan = view.span;
  const grouping: BoardGrouping = view.group;
  const params = { fleetId, from, span, timeZone };

  // User Timing marks (read by `npm run bench -- board`): data arrival → drawn, and drop → drawn.
  const arrivedAt = useRef<number | null>(null);
  const query = useQuery({
    queryKey: apiKey(api.bookings.board, params),
    queryFn: async ({ signal }) => {
      const data = await apiGet(api.bookings.board, params, { signal });
      arrivedAt.current ??= performance.now();
      return data;
    },
    placeholderData: keepPreviousData,
    refetchInterval: 15_000,
  });
  const data = query.data;

  const [pending, setPending] = useState<ReadonlyMap<string, Change>>(new Map());
  const [notice, setNotice] = useState<{ tone: "ok" | "error"; text: string } | null>(null);
  const [open, setOpen] = useState<BoardBooking | null>(null);
  const draggingRef = useRef<BoardBooking | null>(null);
  const droppedAt = useRef<number | null>(null);

  const moved = useMemo(() => {
    if (!data || pending.size === 0) return [];
    return data.bookings.flatMap((b) => {
      const change = pending.get(b.id);
      return change ? [movedBooking(b, change, data.vehicles)] : [];
    });
  }, [data, pending]);
  const bookings = useMemo(() => {
    if (!data || moved.length === 0) return data?.bookings ?? [];
    const byId = new Map(moved.map((b) => [b.id, b]));
    return data.bookings.map((b) => byId.get(b.id) ?? b);
  }, [data, moved]);
  const depotId = view.depot && data?.depots.some((d) => d.id === view.depot) ? view.depot : null;
  // The rows of the data as read; a move redraws only the rows it touches (withMoves).
  const readRows = useMemo(() => (data ? boardRows(data, grouping, depotId) : []), [data, grouping, depotId]);
  const rows = useMemo(
    () => (data ? withMoves(readRows, moved, grouping, data) : readRows),
    [data, readRows, moved, grouping],
  );
  const clashing = useMemo(() => doubleBookings(bookings), [bookings]);

  useEffect(() => {
    const started = arrivedAt.current;
    if (!data || started === null || !Number.isFinite(started)) return;
    arrivedAt.current = Number.POSITIVE_INFINITY; // measured once per visit
    afterNextPaint(() => performance.measure("board:ready", { start: started, end: performance.now() }));
  }, [data]);
  useLayoutEffect(() => {
    const started = droppedAt.current;
    if (started === null) return;
    droppedAt.current = null;
    performance.measure("board:move-commit", { start: started, end: performance.now() });
    afterNextPaint(() => performance.measure("board:move", { start: started, end: performance.now() }));
  }, [pending]);

  const driverName = useCallback((id: string | null) => data?.drivers.find((d) => d.id === id)?.name, [data]);
  const queryClient = useQueryClient();
  const reassign = useAction(reassignBookingAction);
  const { mutate } = reassign;
  const forget = useCallback(
    (id: string) =>
      setPending((current) => {
        const next = new Map(current);
        next.delete(id);
        return next;
      }),
    [],
  );
  const vehicles = data?.vehicles;
  const drivers = data?.drivers;
  const onDrop = useCallback(
    (booking: BoardBooking, rowKey: string) => {
      if (!vehicles) return;
      setOpen(null);
      const move = moveTo(booking, rowKey, grouping === "charger" ? "vehicle" : grouping, vehicles, drivers);
      if (!move.ok) {
        if (move.reason !== "same-row") setNotice({ tone: "error", text: t(`move.refused.${move.reason}`) });
        return;
      }
      droppedAt.current = performance.now();
      setPending((current) => new Map(current).set(booking.id, move.change));
      mutate(
        { fleetId, bookingId: booking.id, ...move.change },
        {
          onSuccess: (result) => {
            // The overlay goes once the board's own read shows the move.
            void queryClient.invalidateQueries({ queryKey: apiKey(api.bookings.board) }).then(() => forget(booking.id));
            const told = result.notified ? driverName(result.after.assignedDriverId) : undefined;
            setNotice({ tone: "ok", text: t("move.moved", { driver: told ?? "none" }) });
          },
          onError: (error) => {
            forget(booking.id);
            setNotice({ tone: "error", text: t("move.failed", { reason: failureOf(error)?.message ?? "" }) });
          },
        },
      );
    },
    [vehicles, drivers, grouping, fleetId, mutate, driverName, forget, queryClient, t],
  );
  const onOpen = useCallback((booking: BoardBooking) => setOpen(booking), []);
  const labelOf = useCallback(
    (row: BoardRow) =>
      row.kind === UNASSIGNED_ROW ? (grouping === "driver" ? t("rows.noDriver") : t("rows.noVehicle")) : row.label,
    [grouping, t],
  );

  const ticks = useMemo(() => {
    if (!data) return [];
    const start = Date.parse(data.start);
    const end = Date.parse(data.end);
    const share = (at: number) => ((at - start) / (end - start)) * 100;
    if (span === "day") {
      const hours = Math.round((end - start) / 3_600_000);
      // Every hour drawn, every third one named: more labels do not fit a phone.
      return Array.from({ length: hours }, (_, h) => start + h * 3_600_000)
        .map((at, h) => ({ at: share(at), label: h % 3 === 0 ? f.time(at) : "" }))
        .filter((tick) => tick.at < 100);
    }
    const [y, m, d] = from.split("-").map(Number);
    return Array.from({ length: 7 }, (_, i) => new TZDate(y!, m! - 1, d! + i, timeZone).getTime()).map((at) => ({
      at: share(at),
      label: f.weekday(at),
    }));
  }, [data, span, from, f, timeZone]);
  // "Now" as of the last refresh (every 15 seconds): close enough for a line on an hour's width.
  const refreshedAt = query.dataUpdatedAt;
  const now = useMemo(() => {
    if (!data || !refreshedAt) return null;
    const start = Date.parse(data.start);
    const end = Date.parse(data.end);
    return refreshedAt >= start && refreshedAt < end ? ((refreshedAt - start) / (end - start)) * 100 : null;
  }, [data, refreshedAt]);

  const step = span === "day" ? 1 : 7;
  const lastDay = shiftDay(from, step - 1);
  const heading =
    grouping === "vehicle"
      ? t("rows.vehiclesHeading")
      : grouping === "driver"
        ? t("rows.driversHeading")
        : t("rows.chargersHeading");
  const setFrom = (day: string) => setView({ from: new Date(`${day}T00:00:00Z`) });
  const bookedRows = rows.some((row) => row.bars.length > 0);

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end gap-3" role="group" aria-label={t("controls.label")}>
        <div className="flex items-center gap-1">
          <Button variant="secondary" size="sm" onClick={() => setFrom(shiftDay(from, -step))}>
            {t("controls.previous")}
          </Button>
          <Button variant="secondary" size="sm" onClick={() => setView({ from: null })}>
            {t("controls.today")}
          </Button>
          <Button variant="secondary" size="sm" onClick={() => setFrom(shiftDay(from, step))}>
            {t("controls.next")}
          </Button>
        </div>
        <SelectField
          label={t("controls.span")}
          value={span}
          onChange={(e) => setView({ span: e.target.value as BoardSpan })}
        >
          <option value="day">{t("controls.day")}</option>
          <option value="week">{t("controls.week")}</option>
        </SelectField>
        <SelectField
          label={t("controls.group")}
          value={grouping}
          onChange={(e) => setView({ group: e.target.value as BoardGrouping })}
        >
          <option value="vehicle">{t("controls.byVehicle")}</option>
          <option value="driver">{t("controls.byDriver")}</option>
          <option value="charger">{t("controls.byCharger")}</option>
        </SelectField>
        {data && data.depots.length > 0 && (
          <SelectField
            label={t("controls.depot")}
            value={depotId ?? ""}
            onChange={(e) => setView({ depot: e.target.value || null })}
          >
            <option value="">{t("controls.allDepots")}</option>
            {data.depots.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </SelectField>
        )}
      </div>
      <p className="text-sm text-slate-600 dark:text-slate-300" aria-live="polite">
        {t("period", { period: span === "day" ? f.day(from) : f.dayRange(from, lastDay) })} · {t("live")}
      </p>

      <ul className="flex flex-wrap gap-2 text-xs" aria-hidden>
        {BOOKING_STATUSES.filter((s) => s !== "FAILED").map((status) => (
          <li key={status} className={cn("rounded border px-1.5 py-0.5", STATUS_COLOURS[status])}>
            <StatusWord status={status} />
          </li>
        ))}
      </ul>

      {/* A line kept for the outcome of a move, so that its words do not push the board down under the pointer. */}
      <div className="min-h-5">
        {notice && (
          <p
            role={notice.tone === "error" ? "alert" : "status"}
            className={cn("text-sm", notice.tone === "error" ? "text-red-700 dark:text-red-400" : "text-emerald-700")}
          >
            {notice.text}
          </p>
        )}
      </div>
      {clashing.size > 0 && (
        <p className="text-sm font-medium text-red-700 dark:text-red-400" data-testid="double-bookings">
          {t("doubleBookings", { count: clashing.size })}
        </p>
      )}
      {data?.truncated && (
        <p className="text-sm text-amber-800 dark:text-amber-300">{t("truncated", { count: data.bookings.length })}</p>
      )}
      {grouping === "charger" && <p className="text-sm text-slate-600 dark:text-slate-300">{t("chargerRowsFixed")}</p>}

      {query.isPending && <Spinner />}
      {query.isError && <p className="text-sm text-red-600">{query.error.message}</p>}
      {data && !bookedRows && (
        <EmptyState title={t("emptyTitle")}>
          {t("emptyText")}
          {grouping === "vehicle" && data.vehicles.length === 0 && (
            <span className="mt-2 block">{t("noRowsVehicles", { depot: "none" })}</span>
          )}
          {grouping === "driver" && data.drivers.length === 0 && (
            <span className="mt-2 block">{t("noRowsDrivers")}</span>
          )}
        </EmptyState>
      )}
      {data && rows.length > 0 && (
        <BoardGrid
          rows={rows}
          labelOf={labelOf}
          grouping={grouping}
          vehicles={data.vehicles}
          clashing={clashing}
          ticks={ticks}
          now={now}
          heading={heading}
          draggingRef={draggingRef}
          onDrop={onDrop}
          onOpen={onOpen}
        />
      )}
      {open && data && (
        <BoardMoveDialog booking={open} data={data} grouping={grouping} onClose={() => setOpen(null)} onMove={onDrop} />
      )}
    </div>
  );
}

function StatusWord({ status }: { status: (typeof BOOKING_STATUSES)[number] }) {
  const common = useTranslations("common");
  return <>{common(`bookingStatus.${status}`)}</>;
}
