"use client";
// The two choices for a booking whose provider answer was lost: keep it, or remove whatever the provider
// may hold. Shown only while the booking waits for that choice.
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { failureOf, useAction } from "@/components/ui/use-action";
import { resolveUnknownOutcomeAction } from "@/lib/actions/bookings";
import type { BookingView } from "@/lib/bookings/records";
import { PROVIDER_LABELS } from "@/lib/domain";

type Choice = "keep" | "remove";

export function UnknownOutcomeChoices({
  fleetId,
  booking,
}: {
  fleetId: string;
  booking: Pick<BookingView, "id" | "status" | "provider">;
}) {
  const t = useTranslations("bookings");
  const resolve = useAction(resolveUnknownOutcomeAction, { invalidates: [["bookings"]] });
  const failure = failureOf(resolve.error);
  const message = resolve.data
    ? { tone: "ok", text: resolve.data.message }
    : failure
      ? { tone: "error", text: failure.message }
      : null;
  const choice = resolve.isPending ? (resolve.variables as { choice: Choice }).choice : null;

  if (booking.status !== "OUTCOME_UNKNOWN" && !message) return null;
  const provider = PROVIDER_LABELS[booking.provider];
  const choose = (next: Choice) => resolve.mutate({ fleetId, bookingId: booking.id, choice: next });

  return (
    <section
      aria-labelledby={`unknown-${booking.id}`}
      className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-700 dark:bg-amber-950"
    >
      {booking.status === "OUTCOME_UNKNOWN" && (
        <>
          <h3 id={`unknown-${booking.id}`} className="font-semibold">
            {t("unknownOutcome.title", { provider })}
          </h3>
          <p>{t("unknownOutcome.body", { provider })}</p>
          <div className="flex flex-wrap gap-2">
            <Button size="sm" loading={choice === "keep"} disabled={resolve.isPending} onClick={() => choose("keep")}>
              {t("unknownOutcome.keep")}
            </Button>
            <Button
              size="sm"
              variant="secondary"
              loading={choice === "remove"}
              disabled={resolve.isPending}
              onClick={() => choose("remove")}
            >
              {t("unknownOutcome.remove", { provider })}
            </Button>
          </div>
          <p className="text-slate-600 dark:text-slate-400">{t("unknownOutcome.hint")}</p>
        </>
      )}
      {message && (
        <p
          role="status"
          data-testid="unknown-outcome-message"
          className={message.tone === "error" ? "text-red-700 dark:text-red-300" : undefined}
        >
          {message.text}
        </p>
      )}
    </section>
  );
}
