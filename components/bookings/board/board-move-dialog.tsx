"use client";
// A booking of the board, opened from its bar (a click, or Enter): what it is, and the keyboard's way to move
// it — the same move as a drag, to a vehicle or a driver chosen from a list.
import { useState } from "react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { SelectField } from "@/components/ui/field";
import { useFormat } from "@/components/ui/format-provider";
import { BookingStatusBadge } from "@/components/bookings/status-badge";
import type { BoardBooking, BoardData } from "@/lib/bookings/board";
import { UNASSIGNED_ROW, moveTo, rowKeyOf, type BoardGrouping } from "@/lib/bookings/board-layout";

export function BoardMoveDialog({
  booking,
  data,
  grouping,
  onClose,
  onMove,
}: {
  booking: BoardBooking;
  data: BoardData;
  grouping: BoardGrouping;
  onClose(): void;
  onMove(booking: BoardBooking, rowKey: string): void;
}) {
  const t = useTranslations("board");
  const f = useFormat();
  // On the charge point rows the dialog moves vehicles: the row a booking is in never changes there.
  const target: Exclude<BoardGrouping, "charger"> = grouping === "driver" ? "driver" : "vehicle";
  const [choice, setChoice] = useState(() => rowKeyOf(booking, target));
  const vehicle = data.vehicles.find((v) => v.id === booking.vehicleId);
  const driver = data.drivers.find((d) => d.id === booking.driverId);
  const current = rowKeyOf(booking, target);
  // A retired vehicle or a former driver is offered only where the booking already is.
  const options =
    target === "vehicle"
      ? data.vehicles
          .filter((v) => !v.retired || v.id === current)
          .map((v) => ({ key: v.id, label: v.name ? `${v.plate} · ${v.name}` : v.plate }))
      : data.drivers.filter((d) => !d.former || d.id === current).map((d) => ({ key: d.id, label: d.name }));
  const move = moveTo(booking, choice, target, data.vehicles, data.drivers);
  const refusal = !move.ok && move.reason !== "same-row" ? t(`move.refused.${move.reason}`) : null;
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()} title={t("move.title", { charger: booking.chargerName })}>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
        <dt className="text-slate-500">{t("move.status")}</dt>
        <dd>
          <BookingStatusBadge status={booking.status} />
        </dd>
        <dt className="text-slate-500">{t("move.window")}</dt>
        <dd>{`${f.dateTime(booking.windowStart)} – ${f.time(booking.windowEnd)}`}</dd>
        <dt className="text-slate-500">{t("move.vehicle")}</dt>
        <dd>{vehicle?.plate ?? t("move.none")}</dd>
        <dt className="text-slate-500">{t("move.driver")}</dt>
        <dd>{driver?.name ?? t("move.none")}</dd>
      </dl>
      <form
        className="mt-4 space-y-3"
        onSubmit={(event) => {
          event.preventDefault();
          if (move.ok) onMove(booking, choice);
        }}
      >
        <p className="text-sm text-slate-600 dark:text-slate-300">{t("move.keyboardHint")}</p>
        <SelectField
          label={target === "vehicle" ? t("move.moveToVehicle") : t("move.moveToDriver")}
          value={choice}
          onChange={(event) => setChoice(event.target.value)}
          error={refusal ?? undefined}
        >
          {options.map((o) => (
            <option key={o.key} value={o.key}>
              {o.label}
            </option>
          ))}
          <option value={UNASSIGNED_ROW}>{target === "vehicle" ? t("rows.noVehicle") : t("rows.noDriver")}</option>
        </SelectField>
        <div className="flex flex-wrap items-center justify-between gap-2">
          <Link href={`/bookings/${booking.id}`} className="text-sm text-brand-700 underline dark:text-brand-300">
            {t("move.details")}
          </Link>
          <Button type="submit" disabled={!move.ok}>
            {t("move.submit")}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
