"use client";
// The user's time zone: one of the runtime's IANA zones, or the browser's. Saved to the account and applied at
// once: the server renders the page again, and every time outside a booking window reads in the new zone.
import { useRouter } from "next/navigation";
import { useState, useSyncExternalStore, useTransition } from "react";
import { useTranslations } from "next-intl";
import { SelectField } from "@/components/ui/field";
import { useFormat } from "@/components/ui/format-provider";
import { failureOf, useAction } from "@/components/ui/use-action";
import { setTimeZoneAction } from "@/lib/actions/account";
import type { TimeZoneChoice } from "@/lib/format/reader";

const BROWSER = "browser";

const noSubscription = () => () => {};
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || null;
const noZoneOnServer = () => null;

/** `choices` are made on the server (lib/format/reader.ts), so the list renders the same there and here. */
export function TimeZoneForm({ current, choices }: { current: string | null; choices: TimeZoneChoice[] }) {
  const t = useTranslations("settings.timeZone");
  const f = useFormat();
  const router = useRouter();
  const [refreshing, startRefresh] = useTransition();
  const save = useAction(setTimeZoneAction, { onSuccess: () => startRefresh(() => router.refresh()) });
  // Shown at once; the page follows when the server has saved it.
  const [chosen, setChosen] = useState<string>(current ?? BROWSER);
  // Known only in the browser: the server renders "Browser default" and the browser names its zone.
  const browser = useSyncExternalStore(noSubscription, browserZone, noZoneOnServer);
  const now = useSyncExternalStore(everyFewSeconds, thisMinute, noZoneOnServer);
  return (
    <div className="space-y-2">
      <SelectField
        label={t("label")}
        hint={t("hint")}
        error={failureOf(save.error)?.message}
        value={chosen}
        disabled={save.isPending || refreshing}
        onChange={(event) => {
          const value = event.target.value;
          setChosen(value);
          save.mutate({ timeZone: value === BROWSER ? null : value });
        }}
      >
        <option value={BROWSER}>{browser ? t("browser", { zone: browser }) : t("browserUnknown")}</option>
        {choices.map(({ zone, label }) => (
          <option key={zone} value={zone}>
            {label}
          </option>
        ))}
      </SelectField>
      {now && (
        <p className="text-sm text-slate-600 dark:text-slate-400" data-testid="time-zone-now">
          {t("now", { time: f.dateTime(now) })}
        </p>
      )}
    </div>
  );
}

// A clock of minutes: the snapshot stays the same string all minute, so it renders once a minute.
function everyFewSeconds(onChange: () => void) {
  const timer = setInterval(onChange, 10_000);
  return () => clearInterval(timer);
}
function thisMinute(): string {
  return new Date(Math.floor(Date.now() / 60_000) * 60_000).toISOString();
}
