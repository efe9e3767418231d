"use client";
// A batch as it runs: a progress bar, each line's outcome as it happens, retries and alternatives for failures.
import Link from "next/link";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTransition } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Progress } from "@/components/ui/progress";
import { retryBatchItemAction } from "@/lib/actions/bookings";
import type { BatchView } from "@/lib/bookings/batches";
import type { BookableEvse } from "@/lib/bookings/chargers";
import { bookingKeys, getJson } from "./api";
import { formatWindow } from "./format";
import { STATUS_LABELS } from "./status-badge";

const ITEM_TONE = {
  QUEUED: "neutral",
  RUNNING: "info",
  SUCCEEDED: "success",
  FAILED: "danger",
  OUTCOME_UNKNOWN: "warning",
} as const;
const ITEM_LABEL = {
  QUEUED: "Waiting",
  RUNNING: "Booking…",
  SUCCEEDED: "Booked",
  FAILED: "Failed",
  OUTCOME_UNKNOWN: "Outcome unknown",
} as const;

export function BatchProgress({ fleetId, batchId, initial }: { fleetId: string; batchId: string; initial: BatchView }) {
  const queryClient = useQueryClient();
  const [pending, startTransition] = useTransition();
  const { data } = useQuery({
    queryKey: bookingKeys.batch(fleetId, batchId),
    queryFn: () => getJson<BatchView>("/api/bookings/batches", { fleetId, batchId }),
    initialData: initial,
    refetchInterval: (q) => (q.state.data?.finishedAt ? false : 1_000),
  });

  function retry(position: number, alternative?: BookableEvse) {
    startTransition(async () => {
      await retryBatchItemAction({
        fleetId,
        batchId,
        position,
        ...(alternative
          ? { evseUid: alternative.evseUid, locationId: alternative.locationId, charger: alternative.charger }
          : {}),
      });
      await queryClient.invalidateQueries({ queryKey: bookingKeys.batch(fleetId, batchId) });
    });
  }

  return (
    <div className="space-y-4">
      <Progress value={data.done} max={data.total} label={data.finishedAt ? "Batch finished" : "Booking…"} />
      <p className="text-sm" data-testid="batch-summary">
        {data.succeeded} booked · {data.failed} failed · {data.total - data.done} to go
      </p>
      <ol className="space-y-2" aria-label="Batch lines">
        {data.items.map((item) => (
          <li
            key={item.position}
            data-position={item.position}
            data-status={item.status}
            className="rounded-md border border-slate-200 p-2 text-sm dark:border-slate-800"
          >
            <div className="flex flex-wrap items-center gap-2">
              <Badge tone={ITEM_TONE[item.status]}>{ITEM_LABEL[item.status]}</Badge>
              <span className="font-medium">{item.chargerName}</span>
              <span className="text-slate-500">{formatWindow(item.windowStart, item.windowEnd, "Europe/Berlin")}</span>
              {item.booking && (
                <Link className="underline" href={`/bookings/${item.booking.id}`}>
                  {STATUS_LABELS[item.booking.status as keyof typeof STATUS_LABELS] ?? item.booking.status}
                </Link>
              )}
            </div>
            {item.status === "FAILED" && (
              <div className="mt-2 space-y-1">
                <p className="text-red-700 dark:text-red-300">{item.error}</p>
                <div className="flex flex-wrap gap-2">
                  <Button size="sm" variant="secondary" loading={pending} onClick={() => retry(item.position)}>
                    Retry
                  </Button>
                  {item.alternatives.slice(0, 3).map((a) => (
                    <Button
                      key={`${a.locationId}/${a.evseUid}`}
                      size="sm"
                      variant="ghost"
                      loading={pending}
                      onClick={() => retry(item.position, a)}
                    >
                      Book {a.charger.name} · {a.charger.evseId ?? a.evseUid} instead
                    </Button>
                  ))}
                </div>
              </div>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}
