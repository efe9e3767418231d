"use client";
// Why the provider refused the booking, and — when the charge point was taken — free ones to book instead.
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import type { BookingResult } from "@/lib/actions/bookings";
import type { BookableEvse } from "@/lib/bookings/chargers";
import { AlternativeSummary } from "./alternative-summary";

export function BookingFailure({
  result,
  pending,
  onBookInstead,
}: {
  result: BookingResult & { failure: NonNullable<BookingResult["failure"]> };
  pending: boolean;
  onBookInstead(alternative: BookableEvse): void;
}) {
  const t = useTranslations("wizard");
  const alternatives = result.alternatives ?? [];
  return (
    <Card className="space-y-3 border-amber-300 dark:border-amber-700" data-testid="booking-failure">
      <p className="font-medium">{result.failure.message}</p>
      {alternatives.length > 0 ? (
        <ul className="space-y-2" aria-label={t("failure.alternatives")}>
          {alternatives.map((a) => (
            <li key={`${a.locationId}/${a.evseUid}`} className="flex flex-wrap items-center justify-between gap-3">
              <AlternativeSummary alternative={a} />
              <Button size="sm" variant="secondary" loading={pending} onClick={() => onBookInstead(a)}>
                {t("failure.bookInstead")}
              </Button>
            </li>
          ))}
        </ul>
      ) : (
        result.failure.code === "CONFLICT" && <p className="text-sm">{t("failure.noneFree")}</p>
      )}
    </Card>
  );
}
