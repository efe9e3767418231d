// The audit log in words: what each recorded action did, what each endpoint is for (said when someone was
// refused it), and what each kind of object is called. A unit test holds these complete, so no action code
// (`keys.disable`) ever reaches the audit page.

export interface ActionWords {
  /** Standing alone, as in the action filter: "Disabled a charging key". */
  label: string;
  /** In a sentence, before the object: "Alex Admin disabled charging key 'Card 12'". */
  verb: string;
  /** The verb says it all; no object follows ("Alex Admin signed in"). */
  alone?: true;
}

/** Every action written to the audit log: the mutating endpoints by name, and what domain code writes. */
export const AUDIT_ACTION_WORDS: Record<string, ActionWords> = {
  "auth.sign-in": { label: "Signed in", verb: "signed in", alone: true },
  "auth.denied": { label: "Was refused access", verb: "was refused access", alone: true },
  "auth.sign-in-failed": { label: "Failed to sign in", verb: "failed to sign in", alone: true },
  "auth.locked-out": {
    label: "Was locked out after failed sign-ins",
    verb: "was locked out after failed sign-ins",
    alone: true,
  },
  "auth.sign-out": { label: "Signed out", verb: "signed out", alone: true },
  "account.change-password": { label: "Changed their password", verb: "changed their password", alone: true },
  "account.set-language": { label: "Changed their language", verb: "changed their language", alone: true },

  "bookings.create": { label: "Booked a charger", verb: "created" },
  "bookings.retry": { label: "Booked again after a failure", verb: "retried" },
  "bookings.cancel": { label: "Cancelled a booking", verb: "cancelled" },
  "bookings.resolve-unknown": { label: "Settled a booking of unknown outcome", verb: "settled the outcome of" },
  "bookings.assign": { label: "Assigned a booking to a driver", verb: "assigned a driver to" },
  "bookings.batch.create": { label: "Booked several chargers at once", verb: "started" },
  "bookings.batch.retry-item": { label: "Retried a booking in a batch", verb: "retried a booking in" },

  "depot-chargers.add": { label: "Added a depot charger", verb: "added" },
  "depot-chargers.edit": { label: "Edited a depot charger", verb: "edited" },
  "depot-chargers.delete": { label: "Deleted a depot charger", verb: "deleted" },
  "depot-chargers.import": { label: "Imported depot chargers", verb: "imported" },

  "fleets.create": { label: "Created a fleet", verb: "created" },
  "fleets.rename": { label: "Renamed the fleet", verb: "renamed" },
  "fleets.members.invite": { label: "Invited someone by email", verb: "sent" },
  "fleets.invitations.withdraw": { label: "Withdrew an invitation", verb: "withdrew" },
  "fleets.invitations.accept": { label: "Accepted an invitation", verb: "accepted" },
  "fleets.invitations.decline": { label: "Declined an invitation", verb: "declined" },
  "fleets.invitations.sign-up-and-accept": {
    label: "Signed up from an invitation",
    verb: "signed up and accepted",
  },
  "fleets.members.set-role": { label: "Changed a member's role", verb: "changed the role of" },
  "fleets.members.remove": { label: "Removed a member", verb: "removed" },

  "invitations.issue": { label: "Issued an invitation code", verb: "issued" },
  "invitations.revoke": { label: "Revoked an invitation code", verb: "revoked" },
  "invitations.join": {
    label: "Joined with an invitation code",
    verb: "joined the fleet with an invitation code",
    alone: true,
  },
  "invitations.sign-up-and-join": {
    label: "Signed up with an invitation code",
    verb: "signed up with an invitation code",
    alone: true,
  },

  "keys.create": { label: "Created a charging key", verb: "created" },
  "keys.assign": { label: "Assigned a charging key", verb: "assigned a driver to" },
  "keys.set-enabled": { label: "Switched a charging key on or off", verb: "switched on or off" },
  "keys.move": { label: "Moved a charging key to another fleet", verb: "moved" },
  "keys.enable": { label: "Enabled a charging key", verb: "enabled" },
  "keys.disable": { label: "Disabled a charging key", verb: "disabled" },
  "keys.refresh": {
    label: "Refreshed the charging keys",
    verb: "refreshed the charging keys from the providers",
    alone: true,
  },

  "sessions.start": { label: "Started a charging session", verb: "started" },
  "sessions.stop": { label: "Stopped a charging session", verb: "stopped" },
  "sessions.sync-now": {
    label: "Synced the sessions",
    verb: "synced the sessions with the providers",
    alone: true,
  },

  "demo.seed": { label: "Set up the demo data", verb: "set up the demo data", alone: true },
  "demo.depot-chargers": { label: "Added the demo depot chargers", verb: "added the demo depot chargers", alone: true },
};

/** What someone refused an endpoint tried to do: "… was refused permission to read the cost report". */
export const ENDPOINT_TASKS: Record<string, string> = {
  "account.switch-fleet": "switch to another fleet",
  "account.change-password": "change a password",
  "account.set-language": "change their language",
  "notifications.list": "read notifications",
  "notifications.mark-read": "mark notifications as read",
  "health.providers": "see the providers' health",

  "chargers.search": "search chargers on the map",
  "chargers.location": "see a charger's details",
  "chargers.places": "search places on the map",

  "bookings.create": "book a charger",
  "bookings.retry": "book again after a failure",
  "bookings.cancel": "cancel a booking",
  "bookings.resolve-unknown": "settle a booking of unknown outcome",
  "bookings.assign": "assign a booking to a driver",
  "bookings.list": "see the fleet's bookings",
  "bookings.detail": "see a booking",
  "bookings.mine": "see their own bookings",
  "bookings.export": "download the bookings",
  "bookings.search-chargers": "search chargers to book",
  "bookings.batch.create": "book several chargers at once",
  "bookings.batch.retry-item": "retry a booking in a batch",
  "bookings.batch-progress": "follow a batch of bookings",

  "depot-chargers.list": "see the depot chargers",
  "depot-chargers.add": "add a depot charger",
  "depot-chargers.edit": "edit a depot charger",
  "depot-chargers.delete": "delete a depot charger",
  "depot-chargers.import": "import depot chargers",
  "depot-chargers.list-from-provider": "list a provider's chargers",

  "fleets.check-id": "check a fleet id",
  "fleets.create": "create a fleet",
  "fleets.rename": "rename the fleet",
  "fleets.members.invite": "invite a member",
  "fleets.invitations.withdraw": "withdraw an invitation",
  "fleets.invitations.accept": "accept an invitation",
  "fleets.invitations.decline": "decline an invitation",
  "fleets.invitations.sign-up-and-accept": "sign up from an invitation",
  "fleets.members.set-role": "change a member's role",
  "fleets.members.remove": "remove a member",

  "invitations.issue": "issue an invitation code",
  "invitations.revoke": "revoke an invitation code",
  "invitations.list-plugsurfing": "see Plugsurfing's invitation codes",
  "invitations.join": "join with an invitation code",
  "invitations.sign-up-and-join": "sign up with an invitation code",

  "keys.list": "see the charging keys",
  "keys.export": "download the charging keys",
  "keys.create": "create a charging key",
  "keys.assign": "assign a charging key",
  "keys.set-enabled": "switch a charging key on or off",
  "keys.move": "move a charging key to another fleet",
  "keys.refresh": "refresh the charging keys",

  "sessions.list": "see the session history",
  "sessions.running": "see the running sessions",
  "sessions.live": "follow a session",
  "sessions.export": "download the session history",
  "sessions.start": "start a charging session",
  "sessions.stop": "stop a charging session",
  "sessions.sync-now": "sync the sessions",

  "reports.get": "read the cost report",
  "reports.export": "download the cost report",
  "audit.export": "download the audit log",
};

/** What each kind of object is called in a sentence; kinds without a noun are never named. */
export const OBJECT_NOUNS: Record<string, string> = {
  Booking: "booking",
  BookingBatch: "batch of bookings",
  ChargingKey: "charging key",
  ChargingSession: "charging session",
  DepotCharger: "depot charger",
  Fleet: "fleet",
  FleetInvitation: "invitation for",
  InvitationCode: "invitation code",
  Membership: "member",
};

/** For the object type filter: what the entries are about. */
const OBJECT_TYPE_LABELS: Record<string, string> = {
  Booking: "Bookings",
  BookingBatch: "Batches of bookings",
  ChargingKey: "Charging keys",
  ChargingKeySync: "Charging key refreshes",
  ChargingSession: "Charging sessions",
  ChargingSessionSync: "Session syncs",
  DepotCharger: "Depot chargers",
  Fleet: "The fleet",
  FleetInvitation: "Invitations by email",
  InvitationCode: "Invitation codes",
  Membership: "Members",
  User: "Accounts",
  Action: "Other actions",
  Route: "Pages and downloads",
};

const UNKNOWN_ACTION: ActionWords = { label: "Another change", verb: "changed" };

export function actionWords(action: string): ActionWords {
  return AUDIT_ACTION_WORDS[action] ?? UNKNOWN_ACTION;
}

export function endpointTask(name: string | null): string {
  return (name && ENDPOINT_TASKS[name]) || "do something they may not";
}

export function objectTypeLabel(objectType: string): string {
  return OBJECT_TYPE_LABELS[objectType] ?? "Other records";
}
