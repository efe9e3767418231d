"use client";
// As the admin types a fleet id: is it still free among the dashboard's fleets? Asked once typing pauses.
import { useEffect, useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { checkFleetIdAction } from "@/lib/actions/fleets";
import { plugsurfingFleetId } from "@/lib/fleets/schemas";

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

export interface FleetIdAvailability {
  /** Typing has not paused yet, or the answer is on its way. */
  checking: boolean;
  available: boolean;
  /** Why the id cannot be used, once the server has said so. */
  takenMessage?: string;
}

export function useFleetIdAvailability(typed: string): FleetIdAvailability {
  const id = typed.trim();
  const debouncedId = useDebounced(id, 400);
  const availability = useQuery({
    queryKey: ["fleets", "check-id", debouncedId],
    enabled: Boolean(debouncedId) && plugsurfingFleetId.safeParse(debouncedId).success,
    staleTime: 5_000,
    queryFn: async () => {
      const result = await checkFleetIdAction({ plugsurfingFleetId: debouncedId });
      if (!result.ok) throw new Error(result.error.message);
      return result.data;
    },
  });
  const checking = id !== debouncedId || availability.isFetching;
  return {
    checking,
    available: !checking && availability.data?.available === true,
    takenMessage:
      !checking && availability.data && !availability.data.available ? availability.data.message : undefined,
  };
}
