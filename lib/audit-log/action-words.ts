// The audit log in words: what each recorded action did, what each endpoint is for (said when someone was
// refused it), and what each kind of object is called. The words are the `audit` messages (actions.*, tasks.*,
// objects.*, objectTypes.*), nested by the dots of the names; a unit test holds these complete, so no action
// code (`keys.disable`) ever reaches the audit page.
import type { Translate } from "@/lib/i18n/messages";

/** Every action written to the audit log: the mutating endpoints by name, and what domain code writes. */
export const AUDIT_ACTIONS: readonly string[] = [
  "auth.sign-in",
  "auth.denied",
  "auth.sign-in-failed",
  "auth.locked-out",
  "auth.sign-out",
  "sso.account-created",
  "sso.linked",
  "sso.role-set",
  "sso.role-removed",

  "account.change-password",
  "account.set-language",
  "account.set-time-zone",

  "api-tokens.create",
  "api-tokens.revoke",

  "webhooks.create",
  "webhooks.pause",
  "webhooks.resume",
  "webhooks.delete",
  "webhooks.test",
  "webhooks.replay",

  "bookings.create",
  "bookings.retry",
  "bookings.cancel",
  "bookings.resolve-unknown",
  "bookings.assign",
  "bookings.reassign",
  "bookings.batch.create",
  "bookings.batch.retry-item",
  "bookings.cancel-many",
  "bookings.assign-many",
  "bookings.auto-rebook",

  "depot-chargers.add",
  "depot-chargers.edit",
  "depot-chargers.delete",
  "depot-chargers.import",

  "fleets.create",
  "fleets.rename",
  "fleets.session-limit",
  "fleets.members.invite",
  "fleets.invitations.withdraw",
  "fleets.invitations.accept",
  "fleets.invitations.decline",
  "fleets.invitations.sign-up-and-accept",
  "fleets.members.set-role",
  "fleets.members.remove",

  "invitations.issue",
  "invitations.revoke",
  "invitations.join",
  "invitations.sign-up-and-join",

  "keys.create",
  "keys.assign",
  "keys.set-enabled",
  "keys.move",
  "keys.enable",
  "keys.disable",
  "keys.refresh",

  "sessions.start",
  "sessions.stop",
  "sessions.sync-now",
  "sessions.set-odometer",

  "alerts.dismiss",
  "alerts.stop-session",
  "alerts.rebook",
  "alerts.message-driver",

  "vehicles.add",
  "vehicles.edit",
  "vehicles.set-retired",
  "vehicles.retire",
  "vehicles.reinstate",
  "vehicles.import",

  "policies.set",
  "policies.remove",

  "demo.seed",
  "demo.depot-chargers",
];

/** Every endpoint someone can be refused: "… was refused permission to read the cost report". */
export const ENDPOINTS: readonly string[] = [
  "account.switch-fleet",
  "account.change-password",
  "account.set-language",
  "account.set-time-zone",

  "notifications.list",
  "notifications.mark-read",

  "health.providers",

  "chargers.search",
  "chargers.location",
  "chargers.places",
  "chargers.price-history",

  "bookings.create",
  "bookings.retry",
  "bookings.cancel",
  "bookings.resolve-unknown",
  "bookings.assign",
  "bookings.reassign",
  "bookings.board",
  "bookings.list",
  "bookings.detail",
  "bookings.mine",
  "bookings.export",
  "bookings.search-chargers",
  "bookings.batch.create",
  "bookings.batch.retry-item",
  "bookings.batch-progress",
  "bookings.cancel-many",
  "bookings.assign-many",

  "depot-chargers.list",
  "depot-chargers.add",
  "depot-chargers.edit",
  "depot-chargers.delete",
  "depot-chargers.import",
  "depot-chargers.list-from-provider",

  "fleets.check-id",
  "fleets.create",
  "fleets.rename",
  "fleets.session-limit",
  "fleets.members.invite",
  "fleets.invitations.withdraw",
  "fleets.invitations.accept",
  "fleets.invitations.decline",
  "fleets.invitations.sign-up-and-accept",
  "fleets.members.set-role",
  "fleets.members.remove",

  "invitations.issue",
  "invitations.revoke",
  "invitations.list-plugsurfing",
  "invitations.join",
  "invitations.sign-up-and-join",

  "keys.list",
  "keys.export",
  "keys.create",
  "keys.assign",
  "keys.set-enabled",
  "keys.move",
  "keys.refresh",

  "sessions.list",
  "sessions.running",
  "sessions.live",
  "sessions.export",
  "sessions.start",
  "sessions.stop",
  "sessions.sync-now",
  "sessions.set-odometer",

  "alerts.list",
  "alerts.dismiss",
  "alerts.stop-session",
  "alerts.rebook",
  "alerts.message-driver",

  "reports.get",
  "reports.export",
  "reports.price-differences",

  "vehicles.list",
  "vehicles.options",
  "vehicles.add",
  "vehicles.edit",
  "vehicles.set-retired",
  "vehicles.preview-import",
  "vehicles.import",

  "policies.set",
  "policies.remove",

  "audit.export",

  "api-tokens.create",
  "api-tokens.list",
  "api-tokens.revoke",

  "webhooks.create",
  "webhooks.list",
  "webhooks.pause",
  "webhooks.delete",
  "webhooks.test",
  "webhooks.replay",
];

/** The kinds of object a sentence names; entries about other kinds say "something". */
const NAMED_OBJECT_TYPES: ReadonlySet<string> = new Set([
  "Booking",
  "BookingBatch",
  "ChargingKey",
  "ChargingSession",
  "DepotCharger",
  "Fleet",
  "FleetInvitation",
  "InvitationCode",
  "Membership",
  "Vehicle",
  "ApiToken",
  "WebhookEndpoint",
]);

/** For the object type filter: what the entries are about. */
const OBJECT_TYPES: ReadonlySet<string> = new Set([
  ...NAMED_OBJECT_TYPES,
  "Alert",
  "ChargingKeySync",
  "ChargingSessionSync",
  "SpendingPolicy",
  "User",
  "Action",
  "Route",
]);

const KNOWN_ACTIONS: ReadonlySet<string> = new Set(AUDIT_ACTIONS);
const KNOWN_ENDPOINTS: ReadonlySet<string> = new Set(ENDPOINTS);

/** An `audit` translator: `await getTranslations("audit")`, or `translator(language, "audit")`. */
export type AuditTranslator = Translate;

/** Standing alone, as in the action filter: "Disabled a charging key". */
export function actionLabel(t: AuditTranslator, action: string): string {
  return KNOWN_ACTIONS.has(action) ? t(`actions.${action}.label`) : t("sentence.unknownAction.label");
}

/** The whole sentence: "Alex Admin disabled charging key 'Card 12'"; `object` from objectPhrase(). */
export function actionSentence(t: AuditTranslator, action: string, words: { actor: string; object: string }): string {
  return KNOWN_ACTIONS.has(action)
    ? t(`actions.${action}.sentence`, words)
    : t("sentence.unknownAction.sentence", words);
}

/** What someone refused the endpoint `name` tried to do: "read the cost report". */
export function endpointTask(t: AuditTranslator, name: string | null): string {
  return name && KNOWN_ENDPOINTS.has(name) ? t(`tasks.${name}`) : t("sentence.unknownTask");
}

/** The object in a sentence: "charging key 'Card 12'", "an invitation code", or "something". */
export function objectPhrase(t: AuditTranslator, objectType: string, name: string | null): string {
  if (!NAMED_OBJECT_TYPES.has(objectType)) return t("sentence.something");
  return name ? t(`objects.${objectType}.named`, { name }) : t(`objects.${objectType}.unnamed`);
}

export function objectTypeLabel(t: AuditTranslator, objectType: string): string {
  return OBJECT_TYPES.has(objectType) ? t(`objectTypes.${objectType}`) : t("otherObjectType");
}
