"use client";
// Batch booking: one window, several charge points, a driver per line. Chosen vehicles each get a free charge point
// they can use (lib/bookings/assign-vehicles.ts), their lines first; ticked charge points follow, without a vehicle.
// The form holds exactly what createBatchAction takes and checks it with the same schema, so the browser
// and the server put the same error beside the same field.
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useMemo, useState, useTransition } from "react";
import { useFieldArray } from "react-hook-form";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { InputField, SelectField } from "@/components/ui/field";
import { failureOf, useAction } from "@/components/ui/use-action";
import { showServerErrors, useZodForm } from "@/components/ui/zod-form";
import { createBatchAction } from "@/lib/actions/bookings";
import type { BookableEvse } from "@/lib/bookings/chargers";
import type { FleetDriver } from "@/lib/bookings/records";
import {
  BOOKABLE_PROVIDERS,
  STRATEGIES_BY_PROVIDER,
  bookingWindowInput,
  createBatchInput,
  type BookingRequest,
} from "@/lib/bookings/schemas";
import { api } from "@/lib/api/endpoints";
import { ApiError, apiGet } from "@/lib/api/client";
import type { BookableVehicle } from "@/lib/vehicles/compatibility";
import { BatchChargePoints, evseKey } from "./batch-charge-points-client";
import { layOutLines } from "./batch-lines";
import { BatchVehicleLines } from "./batch-vehicle-lines-client";
import { BatchVehiclePicker, vehicleLabel } from "./batch-vehicle-picker-client";
import { RebookOption } from "./rebook-option";
import { wallTimeToIso } from "./wall-time";

/** A batch pays with the fleet's group token (or ad hoc): it goes to the first provider that takes those. */
const BATCH_PROVIDER =
  BOOKABLE_PROVIDERS.find((p) => (STRATEGIES_BY_PROVIDER[p] as readonly string[]).includes("GROUP_TOKEN")) ??
  BOOKABLE_PROVIDERS[0];

type Strategy = "GROUP_TOKEN" | "AD_HOC";
type WindowErrors = Partial<Record<"windowStart" | "windowEnd", string>>;
type LinePlace = Pick<BookableEvse, "locationId" | "evseUid" | "connectorId" | "charger">;

export function BatchForm({
  fleetId,
  depots,
  drivers,
  vehicles,
}: {
  fleetId: string;
  depots: Array<{ name: string; latitude: number; longitude: number }>;
  drivers: FleetDriver[];
  /** The fleet's vehicles in service. */
  vehicles: BookableVehicle[];
}) {
  const t = useTranslations("batches.form");
  const tRebook = useTranslations("bookings.rebook");
  const router = useRouter();
  const [near, setNear] = useState(depots[0] ? `${depots[0].latitude},${depots[0].longitude}` : "52.52,13.405");
  const [startWall, setStartWall] = useState("");
  const [endWall, setEndWall] = useState("");
  const [strategy, setStrategy] = useState<Strategy>("GROUP_TOKEN");
  /** Automatic re-booking for every line: the radius in km, or undefined when not opted in. */
  const [rebookWithinKm, setRebookWithinKm] = useState<number | undefined>(undefined);
  const [evses, setEvses] = useState<BookableEvse[]>([]);
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  /** Charge points chosen by hand for a vehicle (vehicle id → evseKey); the others are assigned. */
  const [pins, setPins] = useState<ReadonlyMap<string, string>>(new Map());
  const vehicleById = useMemo(() => new Map(vehicles.map((v) => [v.id, v])), [vehicles]);
  const [windowErrors, setWindowErrors] = useState<WindowErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [searching, startSearch] = useTransition();
  const form = useZodForm(createBatchInput, { defaultValues: { fleetId, items: [] } });
  const create = useAction(createBatchAction, {
    invalidates: [["bookings"]],
    onSuccess: ({ batchId }) => router.push(`/bookings/batches/${batchId}`),
  });
  const lines = useFieldArray({ control: form.control, name: "items" });
  const errors = form.formState.errors;
  const timeZone = evses[0]?.charger.timeZone ?? "Europe/Berlin";
  const placed = new Set(lines.fields.flatMap((l) => (l.vehicleId ? [l.vehicleId] : [])));
  const unplaced = vehicles.filter((v) => picked.has(v.id) && !placed.has(v.id));

  /** A line for a charge point, in the window and way of paying chosen above. */
  function lineFor(e: LinePlace, driverId?: string, vehicleId?: string): BookingRequest {
    return {
      provider: BATCH_PROVIDER,
      locationId: e.locationId,
      evseUid: e.evseUid,
      connectorId: e.connectorId,
      charger: e.charger,
      windowStart: wallTimeToIso(startWall, e.charger.timeZone) ?? "",
      windowEnd: wallTimeToIso(endWall, e.charger.timeZone) ?? "",
      tokenStrategy: strategy,
      driverId,
      vehicleId,
      rebookWithinKm,
    };
  }

  /** Lays out the lines again (./batch-lines.ts) from what changed and what is already chosen. */
  function arrange(next: {
    evses?: BookableEvse[];
    picked?: ReadonlySet<string>;
    pins?: ReadonlyMap<string, string>;
    ticked?: ReadonlySet<string>;
  }) {
    const current = form.getValues("items");
    const laidOut = layOutLines({
      vehicles: vehicles.filter((v) => (next.picked ?? picked).has(v.id)),
      evses: next.evses ?? evses,
      current,
      ticked: next.ticked ?? new Set(current.filter((l) => !l.vehicleId).map(evseKey)),
      pins: next.pins ?? pins,
    });
    lines.replace(laidOut.map((l) => lineFor(l.evse, l.driverId, l.vehicleId)));
  }

  /** The ticked charge points; those a vehicle's line holds stay that vehicle's. */
  function choose(keys: Set<string>) {
    const held = new Set(form.getValues("items").flatMap((l) => (l.vehicleId ? [evseKey(l)] : [])));
    arrange({ ticked: new Set([...keys].filter((k) => !held.has(k))) });
  }

  function pick(next: Set<string>) {
    const kept = new Map([...pins].filter(([id]) => next.has(id)));
    setPicked(next);
    setPins(kept);
    arrange({ picked: next, pins: kept });
  }

  function pin(vehicleId: string, key: string) {
    const next = new Map(pins).set(vehicleId, key);
    setPins(next);
    arrange({ pins: next });
  }

  function search() {
    const [latitude, longitude] = near.split(",");
    const window = {
      windowStart: wallTimeToIso(startWall, timeZone) ?? "",
      windowEnd: wallTimeToIso(endWall, timeZone) ?? "",
    };
    const checked = bookingWindowInput.safeParse(window);
    setFormError(null);
    setWindowErrors(checked.success ? {} : firstByField(checked.error.issues));
    if (!checked.success) return;
    startSearch(async () => {
      try {
        const body = await apiGet(api.bookings.searchChargers, {
          fleetId,
          provider: BATCH_PROVIDER,
          latitude,
          longitude,
          radiusKm: "15",
          ...window,
        });
        const found = body.locations.flatMap((l) => l.evses).filter((e) => e.charger.reservable);
        setEvses(found);
        setPins(new Map());
        arrange({ evses: found, pins: new Map(), ticked: new Set() });
      } catch (error) {
        const fields = error instanceof ApiError ? (error.failure.fieldErrors ?? {}) : {};
        if (fields.windowStart || fields.windowEnd)
          setWindowErrors({ windowStart: fields.windowStart?.[0], windowEnd: fields.windowEnd?.[0] });
        else setFormError((error as Error).message);
      }
    });
  }

  const submit = form.handleSubmit((input) => {
    setFormError(null);
    create.mutate(input, {
      onError: (error) => setFormError(showServerErrors(form, failureOf(error)!, ["items"])),
    });
  });

  function book() {
    // The window and way of paying may have changed since the charge points were picked.
    form.setValue(
      "items",
      form.getValues("items").map((l) => lineFor(l, l.driverId, l.vehicleId)),
    );
    void submit();
  }

  function clearWindowErrors() {
    setWindowErrors({});
    form.clearErrors("items");
  }

  const lineError = (field: "windowStart" | "windowEnd" | "tokenStrategy" | "rebookWithinKm") =>
    lines.fields.map((_, i) => errors.items?.[i]?.[field]?.message).find(Boolean);

  return (
    <Card className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-4">
        <SelectField label={t("near")} value={near} onChange={(e) => setNear(e.target.value)}>
          {depots.map((d) => (
            <option key={d.name} value={`${d.latitude},${d.longitude}`}>
              {t("depot", { name: d.name })}
            </option>
          ))}
          {depots.length === 0 && <option value="52.52,13.405">{t("berlin")}</option>}
        </SelectField>
        <InputField
          label={t("start")}
          type="datetime-local"
          value={startWall}
          onChange={(e) => {
            setStartWall(e.target.value);
            clearWindowErrors();
          }}
          error={windowErrors.windowStart ?? lineError("windowStart")}
        />
        <InputField
          label={t("end")}
          type="datetime-local"
          value={endWall}
          onChange={(e) => {
            setEndWall(e.target.value);
            clearWindowErrors();
          }}
          error={windowErrors.windowEnd ?? lineError("windowEnd")}
        />
        <SelectField
          label={t("whoCharges")}
          value={strategy}
          onChange={(e) => setStrategy(e.target.value as Strategy)}
          error={lineError("tokenStrategy")}
        >
          <option value="GROUP_TOKEN">{t("fleetToken")}</option>
          <option value="AD_HOC">{t("visitor")}</option>
        </SelectField>
      </div>
      <div className="max-w-xl space-y-1">
        <RebookOption
          value={rebookWithinKm}
          onChange={(km) => {
            setRebookWithinKm(km);
            form.clearErrors("items");
          }}
          error={lineError("rebookWithinKm")}
        />
        <p className="text-xs text-slate-500 dark:text-slate-400">{tRebook("batchHint")}</p>
      </div>
      <BatchVehiclePicker vehicles={vehicles} picked={picked} onPick={pick} />
      <Button onClick={search} loading={searching}>
        {t("find")}
      </Button>
      {evses.length > 0 && (
        <>
          <BatchVehicleLines
            evses={evses}
            lines={lines.fields}
            vehicles={vehicleById}
            unplaced={unplaced}
            control={form.control}
            drivers={drivers}
            errors={errors.items}
            onChargePoint={pin}
          />
          <BatchChargePoints
            evses={evses}
            lines={lines.fields}
            control={form.control}
            drivers={drivers}
            errors={errors.items}
            vehicleName={(id) => {
              const vehicle = vehicleById.get(id);
              return vehicle ? vehicleLabel(vehicle) : id;
            }}
            onChoose={choose}
          />
          <Button onClick={book} loading={create.isPending || create.isSuccess}>
            {t("book", { count: lines.fields.length })}
          </Button>
        </>
      )}
      {formError && (
        <p role="status" className="text-sm text-red-600 dark:text-red-400">
          {formError}
        </p>
      )}
    </Card>
  );
}

function firstByField(issues: z.core.$ZodIssue[]): WindowErrors {
  const found: WindowErrors = {};
  for (const issue of issues) {
    const field = issue.path[0];
    if ((field === "windowStart" || field === "windowEnd") && !found[field]) found[field] = issue.message;
  }
  return found;
}
