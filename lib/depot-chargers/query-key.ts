// The TanStack Query key of a fleet's depot chargers, apart from the schemas so the browser's list needs no zod.
export const depotChargersQueryKey = (fleetId: string) => ["depot-chargers", fleetId] as const;
