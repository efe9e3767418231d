"use client";
// Batch booking: one window, several charge points (or the first N for N vehicles), submitted at once.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { InputField, SelectField } from "@/components/ui/field";
import { createBatchAction } from "@/lib/actions/bookings";
import type { BookableEvse, BookableLocation } from "@/lib/bookings/chargers";
import {
  BOOKABLE_PROVIDERS,
  STRATEGIES_BY_PROVIDER,
  bookingRequestIssues,
  type BookingRequest,
} from "@/lib/bookings/schemas";
import { getJson } from "./api";
import { wallTimeToIso } from "./wall-time";

/** A batch pays with the fleet's group token (or ad hoc): it goes to the first provider that takes those. */
const BATCH_PROVIDER = BOOKABLE_PROVIDERS.find((p) =>
  (STRATEGIES_BY_PROVIDER[p] as readonly string[]).includes("GROUP_TOKEN"),
);

export function BatchForm({
  fleetId,
  depots,
}: {
  fleetId: string;
  depots: Array<{ name: string; latitude: number; longitude: number }>;
}) {
  const router = useRouter();
  const [near, setNear] = useState(depots[0] ? `${depots[0].latitude},${depots[0].longitude}` : "52.52,13.405");
  const [startWall, setStartWall] = useState("");
  const [endWall, setEndWall] = useState("");
  const [strategy, setStrategy] = useState<"GROUP_TOKEN" | "AD_HOC">("GROUP_TOKEN");
  const [evses, setEvses] = useState<BookableEvse[]>([]);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [vehicles, setVehicles] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const timeZone = evses[0]?.charger.timeZone ?? "Europe/Berlin";
  const key = (e: BookableEvse) => `${e.locationId}/${e.evseUid}`;

  function search() {
    const [latitude, longitude] = near.split(",");
    setError(null);
    startTransition(async () => {
      try {
        const body = await getJson<{ locations: BookableLocation[] }>("/api/bookings/chargers", {
          fleetId,
          provider: BATCH_PROVIDER ?? "",
          latitude,
          longitude,
          radiusKm: "15",
          windowStart: wallTimeToIso(startWall, timeZone),
          windowEnd: wallTimeToIso(endWall, timeZone),
        });
        setEvses(body.locations.flatMap((l) => l.evses).filter((e) => e.charger.reservable));
        setChosen(new Set());
      } catch (e) {
        setError((e as Error).message);
      }
    });
  }

  function pickFirst(n: number) {
    setChosen(new Set(evses.slice(0, n).map(key)));
  }

  function submit() {
    if (!BATCH_PROVIDER) return setError("No provider takes batch bookings.");
    const items: BookingRequest[] = evses
      .filter((e) => chosen.has(key(e)))
      .map((e) => ({
        provider: BATCH_PROVIDER,
        locationId: e.locationId,
        evseUid: e.evseUid,
        connectorId: e.connectorId,
        charger: e.charger,
        windowStart: wallTimeToIso(startWall, e.charger.timeZone) ?? "",
        windowEnd: wallTimeToIso(endWall, e.charger.timeZone) ?? "",
        tokenStrategy: strategy,
      }));
    if (items.length === 0) return setError("Pick at least one charge point.");
    const issue = bookingRequestIssues(items[0])[0];
    if (issue) return setError(issue.message);
    setError(null);
    startTransition(async () => {
      const result = await createBatchAction({ fleetId, items });
      if (!result.ok) return setError(Object.values(result.error.fieldErrors ?? {}).flat()[0] ?? result.error.message);
      router.push(`/bookings/batches/${result.data.batchId}`);
    });
  }

  return (
    <Card className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-4">
        <SelectField label="Near" value={near} onChange={(e) => setNear(e.target.value)}>
          {depots.map((d) => (
            <option key={d.name} value={`${d.latitude},${d.longitude}`}>
              Depot {d.name}
            </option>
          ))}
          {depots.length === 0 && <option value="52.52,13.405">Berlin</option>}
        </SelectField>
        <InputField
          label="Start (at the chargers)"
          type="datetime-local"
          value={startWall}
          onChange={(e) => setStartWall(e.target.value)}
        />
        <InputField label="End" type="datetime-local" value={endWall} onChange={(e) => setEndWall(e.target.value)} />
        <SelectField
          label="Who charges"
          value={strategy}
          onChange={(e) => setStrategy(e.target.value as "GROUP_TOKEN" | "AD_HOC")}
        >
          <option value="GROUP_TOKEN">Fleet token</option>
          <option value="AD_HOC">Visitor</option>
        </SelectField>
      </div>
      <Button onClick={search} loading={pending} disabled={!startWall || !endWall}>
        Find free charge points
      </Button>
      {evses.length > 0 && (
        <>
          <div className="flex items-end gap-2">
            <InputField
              label="Vehicles"
              type="number"
              min={1}
              max={100}
              value={vehicles}
              onChange={(e) => setVehicles(e.target.value)}
              hint="Picks the nearest free charge point for each"
            />
            <Button variant="secondary" onClick={() => pickFirst(Number(vehicles) || 0)}>
              Pick
            </Button>
          </div>
          <ul className="max-h-96 space-y-1 overflow-auto text-sm" aria-label="Charge points">
            {evses.map((e) => (
              <li key={key(e)}>
                <label className="flex items-center gap-2">
                  <input
                    type="checkbox"
                    checked={chosen.has(key(e))}
                    onChange={(event) => {
                      const next = new Set(chosen);
                      if (event.target.checked) next.add(key(e));
                      else next.delete(key(e));
                      setChosen(next);
                    }}
                  />
                  {e.charger.name} · {e.charger.evseId ?? e.evseUid}
                  {e.distanceM !== undefined ? ` · ${(e.distanceM / 1000).toFixed(1)} km` : ""}
                </label>
              </li>
            ))}
          </ul>
          <Button onClick={submit} loading={pending}>
            Book {chosen.size} charge point{chosen.size === 1 ? "" : "s"}
          </Button>
        </>
      )}
      {error && (
        <p role="status" className="text-sm text-red-600 dark:text-red-400">
          {error}
        </p>
      )}
    </Card>
  );
}
