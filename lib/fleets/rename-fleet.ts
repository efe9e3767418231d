// Renaming a fleet at its provider and here, settled through a ProviderSync intent; the fleet id never changes.
import "server-only";
import { writeAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { PROVIDER_LABELS } from "@/lib/domain";
import { DomainError, text, type ErrorText } from "@/lib/errors";
import { fleetName } from "@/lib/fleets/schemas";
import { isProviderError } from "@/lib/providers/errors";
import { defaultSyncProviders } from "@/lib/provider-sync/providers";
import { runSync } from "@/lib/provider-sync/run-sync";
import type { SyncActor, SyncHandler, SyncProviders } from "@/lib/provider-sync/types";
import { SCHEMA_MESSAGES } from "@/lib/validation/plain-errors";

interface RenameDesired {
  providerFleetId: string;
  name: string;
  from: string;
}

export const fleetRenameSync: SyncHandler<RenameDesired> = {
  kind: "fleet.rename",
  async push({ desired }, providers) {
    await providers.fleets.renameFleet(desired.providerFleetId, desired.name);
  },
  async apply(tx, intent) {
    await tx.fleet.update({ where: { id: intent.fleetId }, data: { name: intent.desired.name } });
    await writeAudit(
      {
        actorId: intent.actorId,
        ip: intent.ip,
        action: "fleets.rename",
        fleetId: intent.fleetId,
        objectType: "Fleet",
        objectId: intent.fleetId,
        before: { name: intent.desired.from },
        after: { name: intent.desired.name },
      },
      tx,
    );
  },
  async revert({ desired }, providers) {
    await providers.fleets.renameFleet(desired.providerFleetId, desired.from);
  },
};

/** What is wrong with a name the form's schema refused, by the schema's own message. */
const NAME_PROBLEMS = new Map<string, ErrorText>([
  [SCHEMA_MESSAGES.nameRequired, text("fleets.name.required")],
  [SCHEMA_MESSAGES.atMost100Characters, text("fleets.name.tooLong")],
  [SCHEMA_MESSAGES.nameCharacters, text("fleets.name.characters")],
]);

/**
 * The name is validated with the form's schema before the provider is asked, so a name our database
 * would refuse never reaches it. `syncing` means the provider has the new name and ours follows shortly.
 */
export async function renameFleet(
  fleetId: string,
  name: string,
  {
    actor = { actorId: null },
    providers = defaultSyncProviders(),
  }: { actor?: SyncActor; providers?: SyncProviders } = {},
) {
  const parsed = fleetName.safeParse(name);
  if (!parsed.success) {
    const problem = NAME_PROBLEMS.get(parsed.error.issues[0]?.message ?? "") ?? text("fleets.name.invalid");
    throw new DomainError("VALIDATION", problem, { name: [problem] });
  }
  const before = await db.fleet.findUnique({
    where: { id: fleetId },
    select: { id: true, name: true, plugsurfingFleetId: true },
  });
  if (!before) throw new DomainError("NOT_FOUND", text("fleets.notFound"));
  try {
    const outcome = await runSync(
      fleetRenameSync,
      {
        fleetId,
        objectId: fleetId,
        desired: { providerFleetId: before.plugsurfingFleetId, name: parsed.data, from: before.name },
        actor,
      },
      providers,
    );
    return { before, after: { ...before, name: parsed.data }, syncing: outcome.status === "syncing" };
  } catch (error) {
    if (isProviderError(error) && error.code === "NOT_FOUND") {
      throw new DomainError(
        "PROVIDER",
        text("fleets.unknownAtProvider", {
          provider: PROVIDER_LABELS[error.provider],
          fleetId: before.plugsurfingFleetId,
        }),
      );
    }
    throw error;
  }
}
