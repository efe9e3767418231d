// The providers a sync reaches, chosen by capability from a provider set (the app's, or a test's own).
import "server-only";
import { DomainError, text } from "@/lib/errors";
import { findKeyPortOf, getProviders, type Providers } from "@/lib/providers";
import type { SyncProviders } from "./types";

export function syncProvidersOf(providers: Providers): SyncProviders {
  return {
    fleets: {
      renameFleet: (fleetId, newName, options) => {
        const [fleets] = providers.with("fleets");
        if (!fleets) throw new DomainError("CONFLICT", text("sync.noFleetProvider"));
        return fleets.renameFleet(fleetId, newName, options);
      },
    },
    findKeyPort: (name) => findKeyPortOf(providers, name),
  };
}

export function defaultSyncProviders(): SyncProviders {
  return syncProvidersOf(getProviders());
}
