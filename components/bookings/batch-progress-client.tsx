"use client";
// A batch as it runs: a progress bar, each line's charge point and outcome as it happens, retries and
// alternatives (with their power and price) for lines whose charge point was taken.
import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { useFormat } from "@/components/ui/format-provider";
import { Progress } from "@/components/ui/progress";
import { failureOf, useAction } from "@/components/ui/use-action";
import { retryBatchItemAction } from "@/lib/actions/bookings";
import type { BatchItemView, BatchView } from "@/lib/bookings/batches";
import type { BookableEvse } from "@/lib/bookings/chargers";
import type { BookingStatus } from "@/lib/domain";
import { AlternativeSummary } from "./alternative-summary";
import { api } from "@/lib/api/endpoints";
import { apiGet, apiKey } from "@/lib/api/client";

/** The batch's own words for a line; a booking's status otherwise reads as `common.bookingStatus`. */
type LineWords =
  "queued" | "sending" | "sent" | "waitingForOperator" | "notConfirmedInTime" | "notBooked" | "notKnownYet";
type Outcome = [{ words: LineWords } | { status: BookingStatus }, BadgeTone];

/** Once a line has its booking, the booking's status is the line's outcome: one label, never two. */
const BOOKING_OUTCOME: Record<BookingStatus, Outcome> = {
  SUBMITTING: [{ status: "SUBMITTING" }, "info"],
  REQUESTED: [{ words: "waitingForOperator" }, "info"],
  PENDING: [{ words: "waitingForOperator" }, "info"],
  CONFIRMED: [{ status: "CONFIRMED" }, "success"],
  ATTENDING: [{ status: "ATTENDING" }, "success"],
  COMPLETED: [{ status: "COMPLETED" }, "success"],
  EXPIRED: [{ words: "notConfirmedInTime" }, "danger"],
  NO_SHOW: [{ status: "NO_SHOW" }, "warning"],
  CANCELLED: [{ status: "CANCELLED" }, "neutral"],
  FAILED: [{ words: "notBooked" }, "danger"],
  OUTCOME_UNKNOWN: [{ words: "notKnownYet" }, "warning"],
};

function lineOutcome(item: BatchItemView): Outcome {
  switch (item.status) {
    case "QUEUED":
      return [{ words: "queued" }, "neutral"];
    case "RUNNING":
      return [{ words: "sending" }, "info"];
    case "FAILED":
      return [{ words: "notBooked" }, "danger"];
    case "OUTCOME_UNKNOWN":
      return BOOKING_OUTCOME.OUTCOME_UNKNOWN;
    case "SUCCEEDED":
      return item.booking
        ? (BOOKING_OUTCOME[item.booking.status as BookingStatus] ?? [{ words: "sent" }, "info"])
        : [{ words: "sent" }, "info"];
  }
}

export function BatchProgress({ fleetId, batchId, initial }: { fleetId: string; batchId: string; initial: BatchView }) {
  const t = useTranslations("batches.progress");
  const common = useTranslations("common");
  const f = useFormat();
  const batchKey = apiKey(api.bookings.batch, { fleetId, batchId });
  const retry = useAction(retryBatchItemAction, { invalidates: [batchKey] });
  // The line a retry was for, so only that line's buttons spin and only it shows the failure.
  const retriedLine = (retry.variables as { position: number } | undefined)?.position;
  const retryFailure = failureOf(retry.error);
  const { data } = useQuery({
    queryKey: batchKey,
    queryFn: () => apiGet(api.bookings.batch, { fleetId, batchId }),
    initialData: initial,
    // Lines that are sent keep changing until the operator answers, so the page follows them a while longer.
    // A failed line's alternatives are written just after it fails, so the page waits for them too.
    refetchInterval: (q) =>
      !q.state.data?.finishedAt || q.state.data.items.some((i) => i.lookingForAlternatives)
        ? 1_000
        : q.state.data.items.some(waitsForOperator)
          ? 5_000
          : false,
  });

  function retryLine(position: number, alternative?: BookableEvse) {
    retry.mutate({
      fleetId,
      batchId,
      position,
      ...(alternative
        ? { evseUid: alternative.evseUid, locationId: alternative.locationId, charger: alternative.charger }
        : {}),
    });
  }

  return (
    <div className="space-y-4">
      <Progress value={data.done} max={data.total} label={data.finishedAt ? t("finished") : t("booking")} />
      <p className="text-sm" data-testid="batch-summary">
        {t("summary", { sent: data.succeeded, failed: data.failed, toGo: data.total - data.done })}
      </p>
      <ol className="space-y-2" aria-label={t("lines")}>
        {data.items.map((item) => {
          const [said, tone] = lineOutcome(item);
          const outcome = "status" in said ? common(`bookingStatus.${said.status}`) : t(`outcome.${said.words}`);
          return (
            <li
              key={item.position}
              data-position={item.position}
              data-status={item.status}
              className="rounded-md border border-slate-200 p-2 text-sm dark:border-slate-800"
            >
              <div className="flex flex-wrap items-center gap-2">
                <Badge tone={tone} data-testid="line-outcome">
                  {outcome}
                </Badge>
                <span className="font-medium">{item.chargerName}</span>
                <span>
                  {item.evseId}
                  {item.connectorLabel ? ` · ${item.connectorLabel}` : ""}
                </span>
                <span className="text-slate-500">{f.window(item.windowStart, item.windowEnd, item.timeZone)}</span>
                {item.vehicle && (
                  <span data-testid="line-vehicle">
                    {t("forVehicle", {
                      vehicle: item.vehicle.name ? `${item.vehicle.plate} · ${item.vehicle.name}` : item.vehicle.plate,
                    })}
                  </span>
                )}
                {item.driverName && <span>{t("forDriver", { name: item.driverName })}</span>}
                {item.booking && (
                  <Link className="underline" href={`/bookings/${item.booking.id}`}>
                    {t("openBooking")}
                  </Link>
                )}
              </div>
              {item.status === "FAILED" && (
                <FailedLine
                  item={item}
                  pending={retry.isPending && retriedLine === item.position}
                  disabled={retry.isPending}
                  retryError={retriedLine === item.position ? retryFailure?.message : undefined}
                  retry={(a) => retryLine(item.position, a)}
                />
              )}
            </li>
          );
        })}
      </ol>
    </div>
  );
}

function waitsForOperator(item: BatchItemView): boolean {
  return item.booking?.status === "REQUESTED" || item.booking?.status === "PENDING";
}

function FailedLine({
  item,
  pending,
  disabled,
  retryError,
  retry,
}: {
  item: BatchItemView;
  pending: boolean;
  disabled: boolean;
  retryError?: string;
  retry: (alternative?: BookableEvse) => void;
}) {
  const t = useTranslations("batches.progress");
  return (
    <div className="mt-2 space-y-2">
      <p className="text-red-700 dark:text-red-300">{item.error}</p>
      <Button size="sm" variant="secondary" loading={pending} disabled={disabled} onClick={() => retry()}>
        {t("retry")}
      </Button>
      {retryError && (
        <p role="status" className="text-red-700 dark:text-red-300">
          {retryError}
        </p>
      )}
      {item.lookingForAlternatives && (
        <p role="status" className="text-slate-600 dark:text-slate-400">
          {t("lookingForAlternatives")}
        </p>
      )}
      {item.alternatives.length > 0 && (
        <ul className="space-y-1" aria-label={t("alternatives")}>
          {item.alternatives.slice(0, 3).map((a) => (
            <li key={`${a.locationId}/${a.evseUid}`} className="flex flex-wrap items-center justify-between gap-2">
              <AlternativeSummary alternative={a} />
              <Button size="sm" variant="ghost" loading={pending} disabled={disabled} onClick={() => retry(a)}>
                {t("bookInstead")}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
