"use client";
// The booking wizard: charger → time window → who charges → review → confirm. The same zod schema as
// the server checks each step; a taken charge point (409) offers free ones to book instead.
import { useRouter } from "next/navigation";
import { useMemo, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { InputField, SelectField } from "@/components/ui/field";
import { Spinner } from "@/components/ui/spinner";
import { createBookingAction, retryBookingAction, type BookingResult } from "@/lib/actions/bookings";
import type { BookableEvse, BookableLocation } from "@/lib/bookings/chargers";
import type { FleetDriver } from "@/lib/bookings/records";
import { STRATEGIES_BY_PROVIDER, createBookingInput, type BookableProvider } from "@/lib/bookings/schemas";
import { PROVIDER_FEATURES, PROVIDER_LABELS, providersThat, type TokenStrategy } from "@/lib/domain";
import { AlternativeSummary } from "./alternative-summary";
import { api } from "@/lib/api/contract";
import { apiGet } from "@/lib/api/client";
import { formatMinor, formatWindow } from "./format";
import { isoToWallTime, wallTimeToIso } from "./wall-time";

const STEPS = ["Charger", "Time window", "Who charges", "Review"] as const;
const STEP_FIELDS: Array<readonly string[]> = [
  ["locationId", "evseUid", "charger"],
  ["windowStart", "windowEnd"],
  ["tokenStrategy", "driverId", "customerId", "tokenId", "rfidValue"],
  [],
];

const STRATEGY_LABELS: Record<TokenStrategy, string> = {
  GROUP_TOKEN: "Fleet token (the fleet's Petit Monde group)",
  DRIVER_TOKEN: "A driver's own Petit Monde token",
  AD_HOC: "Visitor (pay at the charger)",
  RFID: "Depot RFID tag",
};

type Errors = Record<string, string[] | undefined>;

export interface BookingWizardProps {
  fleetId: string;
  drivers: FleetDriver[];
  depots: Array<{ name: string; latitude: number; longitude: number }>;
  prefilled: BookableEvse | null;
  prefilledProvider?: BookableProvider;
  /** Shown when a "Book" link named a charger that could not be found. */
  prefillProblem?: string;
  initialWindow?: { start?: string; end?: string };
}

export function BookingWizard(props: BookingWizardProps) {
  const router = useRouter();
  const [step, setStep] = useState(props.prefilled ? 1 : 0);
  const [provider, setProvider] = useState<BookableProvider>(
    props.prefilledProvider ?? (providersThat("bookings")[0] as BookableProvider),
  );
  const [evse, setEvse] = useState<BookableEvse | null>(props.prefilled);
  const timeZone = evse?.charger.timeZone ?? "Europe/Berlin";
  const [startWall, setStartWall] = useState(
    props.initialWindow?.start ? isoToWallTime(props.initialWindow.start, timeZone) : "",
  );
  const [endWall, setEndWall] = useState(
    props.initialWindow?.end ? isoToWallTime(props.initialWindow.end, timeZone) : "",
  );
  const [strategy, setStrategy] = useState<TokenStrategy>(STRATEGIES_BY_PROVIDER[provider][0]);
  const [driverId, setDriverId] = useState("");
  const [driverToken, setDriverToken] = useState("");
  const [rfidValue, setRfidValue] = useState("");
  const [errors, setErrors] = useState<Errors>({});
  const [result, setResult] = useState<(BookingResult & { message?: string }) | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const driver = props.drivers.find((d) => d.id === driverId);
  const request = useMemo((): Record<string, unknown> => {
    const [kind, value] = driverToken.split(":", 2);
    return {
      fleetId: props.fleetId,
      provider,
      locationId: evse?.locationId ?? "",
      evseUid: evse?.evseUid ?? "",
      connectorId: evse?.connectorId,
      charger: evse?.charger ?? { name: "", latitude: 0, longitude: 0, timeZone, reservable: false },
      windowStart: wallTimeToIso(startWall, timeZone) ?? "",
      windowEnd: wallTimeToIso(endWall, timeZone) ?? "",
      tokenStrategy: strategy,
      driverId: driverId || undefined,
      customerId: strategy === "DRIVER_TOKEN" && kind === "customer" ? value : undefined,
      tokenId: strategy === "DRIVER_TOKEN" && kind === "token" ? value : undefined,
      rfidValue: strategy === "RFID" ? rfidValue || undefined : undefined,
    };
  }, [props.fleetId, provider, evse, startWall, endWall, timeZone, strategy, driverId, driverToken, rfidValue]);

  /** Validates every step up to `upTo`; shows the errors of those steps only. */
  function validate(upTo: number): boolean {
    const parsed = createBookingInput.safeParse(request);
    const visible = new Set(STEP_FIELDS.slice(0, upTo + 1).flat());
    const next: Errors = {};
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0] ?? "_form");
        if (visible.has(key)) (next[key] ??= []).push(issue.message);
      }
    }
    setErrors(next);
    return Object.keys(next).length === 0;
  }

  function goNext() {
    if (validate(step)) setStep(step + 1);
  }

  function handle(outcome: Awaited<ReturnType<typeof createBookingAction>>) {
    if (!outcome.ok) {
      setErrors(outcome.error.fieldErrors ?? {});
      setFormError(outcome.error.message);
      return;
    }
    if (!outcome.data.failure) {
      router.push(`/bookings/${outcome.data.bookingId}`);
      return;
    }
    setResult(outcome.data);
  }

  function confirm() {
    if (!validate(3)) return;
    setFormError(null);
    startTransition(async () => handle(await createBookingAction(request)));
  }

  function bookAlternative(failedId: string, alternative: BookableEvse) {
    setFormError(null);
    startTransition(async () => {
      setEvse(alternative);
      handle(
        await retryBookingAction({
          fleetId: props.fleetId,
          bookingId: failedId,
          evseUid: alternative.evseUid,
          locationId: alternative.locationId,
          charger: alternative.charger,
        }),
      );
    });
  }

  const price = formatMinor(evse?.charger.estimateMinor, evse?.charger.currency);

  return (
    <div className="space-y-6">
      <ol className="flex flex-wrap gap-2 text-sm" aria-label="Steps">
        {STEPS.map((label, index) => (
          <li
            key={label}
            aria-current={index === step ? "step" : undefined}
            className={index === step ? "font-semibold text-brand-700 dark:text-brand-300" : "text-slate-500"}
          >
            {index + 1}. {label}
          </li>
        ))}
      </ol>

      {props.prefillProblem && <p className="text-sm text-amber-700 dark:text-amber-300">{props.prefillProblem}</p>}

      {step === 0 && (
        <ChargerStep
          fleetId={props.fleetId}
          depots={props.depots}
          provider={provider}
          onProvider={(p) => {
            setProvider(p);
            setStrategy(STRATEGIES_BY_PROVIDER[p][0]);
            setEvse(null);
          }}
          selected={evse}
          onSelect={setEvse}
          error={errors.evseUid ?? errors.locationId}
          windowStart={request.windowStart as string}
          windowEnd={request.windowEnd as string}
        />
      )}

      {step === 1 && evse && (
        <Card className="space-y-4">
          <p className="text-sm text-slate-600 dark:text-slate-400">
            Times are at the charger ({timeZone}). Start at least 15 minutes from now; at most 4 hours.
          </p>
          <div className="grid gap-4 sm:grid-cols-2">
            <InputField
              label="Start"
              type="datetime-local"
              value={startWall}
              onChange={(e) => setStartWall(e.target.value)}
              error={errors.windowStart}
            />
            <InputField
              label="End"
              type="datetime-local"
              value={endWall}
              onChange={(e) => setEndWall(e.target.value)}
              error={errors.windowEnd}
            />
          </div>
        </Card>
      )}

      {step === 2 && (
        <Card className="space-y-4">
          <SelectField
            label="Who charges"
            value={strategy}
            onChange={(e) => setStrategy(e.target.value as TokenStrategy)}
            error={errors.tokenStrategy}
          >
            {STRATEGIES_BY_PROVIDER[provider].map((s) => (
              <option key={s} value={s}>
                {STRATEGY_LABELS[s]}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={strategy === "DRIVER_TOKEN" ? "Driver" : "Assign to driver (optional)"}
            value={driverId}
            onChange={(e) => {
              setDriverId(e.target.value);
              setDriverToken("");
            }}
            error={errors.driverId}
          >
            <option value="">{strategy === "DRIVER_TOKEN" ? "Choose a driver" : "Nobody yet"}</option>
            {props.drivers.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </SelectField>
          {strategy === "DRIVER_TOKEN" && (
            <SelectField
              label="Driver's token"
              value={driverToken}
              onChange={(e) => setDriverToken(e.target.value)}
              error={errors.customerId ?? errors.tokenId}
            >
              <option value="">Choose a token</option>
              {driver?.petitMondeCustomerIds.map((v) => (
                <option key={v} value={`customer:${v}`}>
                  Customer id {v}
                </option>
              ))}
              {driver?.petitMondeTokenIds.map((v) => (
                <option key={v} value={`token:${v}`}>
                  Token id {v}
                </option>
              ))}
            </SelectField>
          )}
          {strategy === "RFID" && (
            <InputField
              label="RFID value"
              value={rfidValue}
              onChange={(e) => setRfidValue(e.target.value.trim())}
              error={errors.rfidValue}
              hint={
                driver?.rfidValues.length
                  ? `${driver.name}'s tag: ${driver.rfidValues.join(", ")}`
                  : "The tag the depot charger will accept"
              }
            />
          )}
        </Card>
      )}

      {step === 3 && evse && (
        <Card className="space-y-2 text-sm" aria-label="Review">
          <p className="font-medium">{evse.charger.name}</p>
          <p className="text-slate-600 dark:text-slate-400">
            {[evse.charger.address, evse.charger.city].filter(Boolean).join(", ")}
          </p>
          <p>
            Charge point {evse.charger.evseId ?? evse.evseUid}
            {evse.charger.connectorLabel ? ` · ${evse.charger.connectorLabel}` : ""}
          </p>
          <p>
            {formatWindow(request.windowStart as string, request.windowEnd as string, timeZone)} ({timeZone})
          </p>
          <p>
            {STRATEGY_LABELS[strategy]}
            {driver ? ` · ${driver.name}` : ""}
          </p>
          <p>Estimated price: {price ?? "not published by the provider"}</p>
          <p className="text-xs text-slate-500">
            Booked with {PROVIDER_LABELS[provider]}. Cancelling is free until the operator confirms.
          </p>
        </Card>
      )}

      {formError && (
        <p role="status" className="text-sm text-red-600 dark:text-red-400">
          {formError}
        </p>
      )}

      {result?.failure && (
        <Card className="space-y-3 border-amber-300 dark:border-amber-700" data-testid="booking-failure">
          <p className="font-medium">{result.failure.message}</p>
          {result.alternatives && result.alternatives.length > 0 ? (
            <ul className="space-y-2" aria-label="Alternatives">
              {result.alternatives.map((a) => (
                <li key={`${a.locationId}/${a.evseUid}`} className="flex items-center justify-between gap-3">
                  <AlternativeSummary alternative={a} />
                  <Button
                    size="sm"
                    variant="secondary"
                    loading={pending}
                    onClick={() => bookAlternative(result.bookingId, a)}
                  >
                    Book this instead
                  </Button>
                </li>
              ))}
            </ul>
          ) : (
            result.failure.code === "CONFLICT" && (
              <p className="text-sm">No other charge point nearby is free in this window. Try another time.</p>
            )
          )}
        </Card>
      )}

      <div className="flex gap-2">
        {step > 0 && (
          <Button variant="secondary" onClick={() => setStep(step - 1)} disabled={pending}>
            Back
          </Button>
        )}
        {step < 3 ? (
          <Button onClick={goNext} disabled={step === 0 && !evse}>
            Next
          </Button>
        ) : (
          !result?.failure && (
            <Button onClick={confirm} loading={pending}>
              Confirm booking
            </Button>
          )
        )}
      </div>
    </div>
  );
}

function ChargerStep(props: {
  fleetId: string;
  depots: BookingWizardProps["depots"];
  provider: BookableProvider;
  onProvider(p: BookableProvider): void;
  selected: BookableEvse | null;
  onSelect(evse: BookableEvse): void;
  error?: string[];
  windowStart?: string;
  windowEnd?: string;
}) {
  const [near, setNear] = useState(
    props.depots[0] ? `${props.depots[0].latitude},${props.depots[0].longitude}` : "52.52,13.405",
  );
  const [place, setPlace] = useState("");
  const [places, setPlaces] = useState<Array<{ id: string; name: string; latitude: number; longitude: number }>>([]);
  const [results, setResults] = useState<BookableLocation[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [searching, startSearch] = useTransition();

  function search() {
    const [latitude, longitude] = near.split(",");
    setProblem(null);
    startSearch(async () => {
      try {
        const body = await apiGet(api.bookings.searchChargers, {
          fleetId: props.fleetId,
          provider: props.provider,
          latitude,
          longitude,
          radiusKm: "10",
          windowStart: props.windowStart || undefined,
          windowEnd: props.windowEnd || undefined,
        });
        setResults(body.locations);
      } catch (error) {
        setProblem((error as Error).message);
      }
    });
  }

  function findPlace() {
    startSearch(async () => {
      try {
        const body = await apiGet(api.chargers.places, {
          fleetId: props.fleetId,
          q: place,
        });
        setPlaces(body.places);
      } catch (error) {
        setProblem((error as Error).message);
      }
    });
  }

  return (
    <Card className="space-y-4">
      {props.selected && (
        <p className="text-sm">
          Selected: <strong>{props.selected.charger.name}</strong> ·{" "}
          {props.selected.charger.evseId ?? props.selected.evseUid}
        </p>
      )}
      <div className="grid gap-4 sm:grid-cols-3">
        <SelectField
          label="Provider"
          value={props.provider}
          onChange={(e) => props.onProvider(e.target.value as BookableProvider)}
        >
          {providersThat("bookings").map((p) => (
            <option key={p} value={p}>
              {PROVIDER_LABELS[p]}
              {PROVIDER_FEATURES[p].bookingNote ? ` (${PROVIDER_FEATURES[p].bookingNote})` : ""}
            </option>
          ))}
        </SelectField>
        <SelectField label="Near" value={near} onChange={(e) => setNear(e.target.value)}>
          {props.depots.map((d) => (
            <option key={d.name} value={`${d.latitude},${d.longitude}`}>
              Depot {d.name}
            </option>
          ))}
          {places.map((p) => (
            <option key={p.id} value={`${p.latitude},${p.longitude}`}>
              {p.name}
            </option>
          ))}
          {props.depots.length === 0 && places.length === 0 && <option value="52.52,13.405">Berlin</option>}
        </SelectField>
        <div className="flex items-end gap-2">
          <InputField label="Find a place" value={place} onChange={(e) => setPlace(e.target.value)} />
          <Button variant="secondary" onClick={findPlace} disabled={place.trim().length < 2}>
            Find
          </Button>
        </div>
      </div>
      <Button onClick={search} loading={searching}>
        Search chargers
      </Button>
      {problem && <p className="text-sm text-red-600">{problem}</p>}
      {props.error && <p className="text-sm text-red-600 dark:text-red-400">{props.error[0]}</p>}
      {searching && <Spinner label="Searching…" />}
      {results && results.length === 0 && (
        <p className="text-sm">No bookable chargers within 10 km. Try another place.</p>
      )}
      {results && results.length > 0 && (
        <ul className="max-h-96 space-y-3 overflow-auto" aria-label="Chargers">
          {results.map((location) => (
            <li key={location.locationId} className="rounded border border-slate-200 p-2 dark:border-slate-800">
              <p className="text-sm font-medium">
                {location.name}
                {location.distanceM !== undefined ? ` · ${(location.distanceM / 1000).toFixed(1)} km` : ""}
              </p>
              <div className="mt-1 flex flex-wrap gap-2">
                {location.evses.map((e) => (
                  <Button
                    key={e.evseUid}
                    size="sm"
                    variant={props.selected?.evseUid === e.evseUid ? "primary" : "secondary"}
                    disabled={!e.charger.reservable}
                    onClick={() => props.onSelect(e)}
                  >
                    {e.charger.evseId ?? e.evseUid}
                    {e.charger.connectorLabel ? ` · ${e.charger.connectorLabel}` : ""}
                  </Button>
                ))}
              </div>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
